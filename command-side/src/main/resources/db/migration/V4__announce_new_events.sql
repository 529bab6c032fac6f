-- Announces each commit that stored events, so the views (another process) read them at once instead of polling:
-- NOTIFY is delivered when the transaction commits, and once per statement however many events it inserted.
create function events.announce_new_events() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('clinic_new_events', '');
    return null;
end
$$;

create trigger domain_event_entry_announce
    after insert on events.domain_event_entry
    for each statement execute function events.announce_new_events();
