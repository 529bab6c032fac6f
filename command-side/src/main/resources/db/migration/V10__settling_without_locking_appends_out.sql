-- events.settled_position() (V5) locked the event table in share mode to wait for the appends in flight, and every
-- append that came meanwhile queued behind its request: once a minute (the anchor job) every command waited for the
-- slowest append in flight to commit (under ./clinic bench's load, commands took up to 79 ms around the anchor against
-- a p50 of 2.5 ms: BENCHMARKS.md, session 18), and for up to the 100 ms of V8's lock_timeout, three times, whenever
-- an autovacuum held the table. It now waits for exactly the appends that were in flight when it read the position,
-- and holds nothing else off.
--
-- Why that is enough: an insert takes the table's ROW EXCLUSIVE lock before it takes its global index, and keeps the
-- lock until its transaction ends. The identity's sequence hands indexes out in order (its cache is 1), so an index
-- lower than the highest visible one was taken before that one, and so before this function read it: its transaction
-- has either ended (its event is visible, or never will be) or holds the lock when the function then lists the lock's
-- holders. Once those have all ended, no event can appear at or below the position read. Appends that start later
-- take higher indexes, and nobody waits for them.
--
-- The wait gives up after 1 s with lock_not_available (55P03), as the lock timeout did: the anchor job tries again a
-- second later, and after three tries anchors at its next run.
create or replace function events.settled_position() returns bigint
    language plpgsql as
$$
declare
    settled bigint;
    in_flight text[];
    give_up_at timestamptz;
    this_database oid := (select oid from pg_database where datname = current_database());
begin
    settled := (select coalesce(max(global_index), 0) from events.domain_event_entry);
    in_flight := array(select virtualtransaction from pg_locks
                       where locktype = 'relation' and database = this_database
                         and relation = 'events.domain_event_entry'::regclass and mode = 'RowExclusiveLock'
                         and pid is distinct from pg_backend_pid());
    give_up_at := clock_timestamp() + interval '1 second';
    while exists (select 1 from pg_locks
                  where locktype = 'relation' and database = this_database
                    and relation = 'events.domain_event_entry'::regclass
                    and mode = 'RowExclusiveLock' and virtualtransaction = any (in_flight)) loop
        if clock_timestamp() > give_up_at then
            raise exception 'Appends in flight on events.domain_event_entry did not end within 1 s'
                using errcode = 'lock_not_available';
        end if;
        perform pg_sleep(0.001);
    end loop;
    return settled;
end
$$;

-- V8's lock timeout has no lock left to time out.
alter function events.settled_position() reset lock_timeout;
