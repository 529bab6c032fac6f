-- events.settled_position() (V5) waited for its share lock on the event table for as long as that took, and every
-- append queued behind its request meanwhile. Appends in flight commit within milliseconds, but an autovacuum of the
-- event table holds a lock that the share lock waits for: PostgreSQL cancels such a vacuum for a waiting lock only
-- after deadlock_timeout (1 s by default), and never one that vacuums to prevent transaction id wraparound, so the
-- command side could not store an event for as long as that vacuum ran. The function now gives up after 100 ms
-- (lock_timeout, SQLSTATE 55P03); the anchor job tries again a second later, and after three tries anchors at its
-- next run instead. What it returns when it gets the lock is unchanged.
alter function events.settled_position() set lock_timeout = '100ms';
