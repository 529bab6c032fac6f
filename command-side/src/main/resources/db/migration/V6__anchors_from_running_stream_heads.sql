-- An anchor's digest covers every stream's head (V5, events.heads_digest). Computed from the event table, each anchor
-- read and sorted the whole log: once a minute, at a cost that grows with every event ever stored (3.2-3.6 s of
-- PostgreSQL at a million events on the development machine). The anchor writer now keeps every stream's head as of
-- its last anchor and reads only the events stored since (0.5 s there after 20 000 new events). The digest is the
-- same by definition, and the verifier still recomputes it from the event table (events.heads_digest), so a head kept
-- wrongly here shows as a broken anchor.

-- Each stream's last event as of the latest anchor: its sequence number, chain hash and global position. The latest
-- event of the whole log is always the head of its stream, so the highest global_index here is the position the
-- heads are as of.
create table events.stream_head (
    aggregate_identifier varchar(255) collate "C" primary key,
    sequence_number      bigint not null,
    chain_hash           bytea  not null,
    global_index         bigint not null
);

create index stream_head_global_index on events.stream_head (global_index);

-- Brings every stream's head forward to up_to with the events after the latest one the heads hold (all of them while
-- there are none). A head only moves to a later event of its stream.
create function events.advance_stream_heads(up_to bigint) returns void
    language sql as
$$
insert into events.stream_head as head (aggregate_identifier, sequence_number, chain_hash, global_index)
select distinct on (aggregate_identifier) aggregate_identifier, sequence_number, chain_hash, global_index
from events.domain_event_entry
where global_index > (select coalesce(max(global_index), 0) from events.stream_head)
  and global_index <= up_to
order by aggregate_identifier, sequence_number desc
on conflict (aggregate_identifier) do update
    set sequence_number = excluded.sequence_number,
        chain_hash      = excluded.chain_hash,
        global_index    = excluded.global_index
    where head.sequence_number < excluded.sequence_number;
$$;

-- Heads as of the latest anchor (none without one: the first anchor then reads the log from its start). Not of the
-- latest event: another node may be appending meanwhile, and only an anchor's position is known to be settled.
select events.advance_stream_heads((select coalesce(max(global_position), 0) from events.chain_anchor));

-- Writes an anchor at up_to (a settled position: events.settled_position()) and returns its id; null when an anchor
-- at or beyond up_to exists already. The heads are brought forward to up_to, and the digest is events.heads_digest's
-- formula over them, so it equals events.heads_digest(up_to): the column's collation is "C", so its order is the byte
-- order heads_digest asks for.
create function events.anchor_log(up_to bigint) returns bigint
    language plpgsql as
$$
declare
    anchored bigint;
begin
    if exists (select 1 from events.chain_anchor where global_position >= up_to) then
        return null;
    end if;
    perform events.advance_stream_heads(up_to);
    insert into events.chain_anchor (global_position, streams, heads_digest)
    select up_to,
           count(*),
           sha256(coalesce(string_agg(events.chain_field(aggregate_identifier)
                                          || events.chain_field(sequence_number::text)
                                          || chain_hash, ''::bytea order by aggregate_identifier),
                           ''::bytea))
    from events.stream_head
    returning anchor_id into anchored;
    return anchored;
end
$$;
