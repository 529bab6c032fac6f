-- New events are announced to the views by the command side once their transaction has committed
-- (NewEventsAnnouncer), no longer by this trigger from within it. A NOTIFY queues its transaction's notification
-- under one database-wide lock, held until that transaction has committed: with the trigger, every command's commit
-- waited for every other command's commit, whatever session it recorded.
drop trigger domain_event_entry_announce on events.domain_event_entry;
drop function events.announce_new_events();
