-- Tamper evidence for the event log. Each event carries a hash over its stored form chained to the hash of the event
-- before it in the same stream, computed by the database whoever inserts. The stored form is what is hashed: personal
-- values are already encrypted there, so destroying a client's key (erasure) never breaks a chain.
alter table events.domain_event_entry add column chain_hash bytea;

-- One stored field as hashed: its length in bytes, a colon, then its UTF-8 bytes; null counts as empty. The length
-- prefix makes the concatenation unambiguous whatever characters a field holds.
create function events.chain_field(field text) returns bytea
    language sql immutable parallel safe as
$$
select convert_to(octet_length(coalesce(field, ''))::text || ':' || coalesce(field, ''), 'UTF8')
$$;

-- sha256(previous hash || each stored field), previous being null for the first event of a stream.
create function events.event_hash(previous bytea, aggregate_identifier text, sequence_number bigint,
                                  event_identifier text, payload_type text, payload_revision text, time_stamp text,
                                  payload text, meta_data text) returns bytea
    language sql immutable parallel safe as
$$
select sha256(coalesce(previous, ''::bytea)
                  || events.chain_field(aggregate_identifier)
                  || events.chain_field(sequence_number::text)
                  || events.chain_field(event_identifier)
                  || events.chain_field(payload_type)
                  || events.chain_field(payload_revision)
                  || events.chain_field(time_stamp)
                  || events.chain_field(payload)
                  || events.chain_field(meta_data))
$$;

-- Links each new event to its predecessor in the stream. Rows inserted earlier by the same transaction (Axon appends
-- an aggregate's events in one batch) are visible here, so a batch chains in order.
create function events.chain_new_event() returns trigger
    language plpgsql as
$$
begin
    new.chain_hash := events.event_hash(
            (select chain_hash from events.domain_event_entry
             where aggregate_identifier = new.aggregate_identifier and sequence_number = new.sequence_number - 1),
            new.aggregate_identifier, new.sequence_number, new.event_identifier, new.payload_type,
            new.payload_revision, new.time_stamp, new.payload, new.meta_data);
    return new;
end
$$;

create trigger domain_event_entry_chain
    before insert on events.domain_event_entry
    for each row execute function events.chain_new_event();

-- Events stored before this migration are chained now, each stream in order (the table is locked by the ALTER above
-- until this migration commits, so nothing is appended meanwhile).
do
$$
declare
    event    record;
    previous bytea;
    stream   text;
begin
    for event in select * from events.domain_event_entry order by aggregate_identifier, sequence_number loop
        if stream is distinct from event.aggregate_identifier then
            previous := null;
            stream := event.aggregate_identifier;
        end if;
        previous := events.event_hash(previous, event.aggregate_identifier, event.sequence_number,
                event.event_identifier, event.payload_type, event.payload_revision, event.time_stamp, event.payload,
                event.meta_data);
        update events.domain_event_entry set chain_hash = previous where global_index = event.global_index;
    end loop;
end
$$;

alter table events.domain_event_entry alter column chain_hash set not null;

-- A chain shows an event was changed, not that a whole stream or a stream's latest events were deleted. Anchors do:
-- each records a digest of every stream's head (its last event) up to a global position. Copied elsewhere, they also
-- show a chain rewritten from scratch.
create table events.chain_anchor (
    anchor_id       bigserial   primary key,
    anchored_at     timestamptz not null default now(),
    global_position bigint      not null,
    streams         bigint      not null,
    heads_digest    bytea       not null
);

-- sha256 over (aggregate_identifier, sequence_number, chain_hash) of each stream's last event at or before
-- global_position, streams in byte order of their identifiers (collation "C": the same digest on any server).
-- The anchor writer and the verifier both call this, so they cannot disagree on what an anchor covers.
create function events.heads_digest(global_position bigint) returns bytea
    language sql stable parallel safe as
$$
select sha256(coalesce(string_agg(events.chain_field(aggregate_identifier)
                                      || events.chain_field(sequence_number::text)
                                      || chain_hash, ''::bytea order by aggregate_identifier collate "C"),
                       ''::bytea))
from (select distinct on (aggregate_identifier) aggregate_identifier, sequence_number, chain_hash
      from events.domain_event_entry
      where global_index <= global_position
      order by aggregate_identifier, sequence_number desc) heads
$$;

-- The highest global position that can no longer gain an event below it. An insert takes its global index before
-- it commits, so a lower index may still appear after a higher one is visible; the share lock waits for every
-- inserting transaction to end and holds new ones off until the caller's transaction ends.
create function events.settled_position() returns bigint
    language plpgsql as
$$
begin
    lock table events.domain_event_entry in share mode;
    return (select coalesce(max(global_index), 0) from events.domain_event_entry);
end
$$;
