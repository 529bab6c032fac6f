-- The audit trail (package audit): every change to the records (one row per stored event) and every read of a
-- client's record. Neither table holds client personal data (no names, birth dates, notes or search text): the
-- trail outlives an erasure and must not undo it.

-- The change trail, a view like the others (processing group "audit"), rebuilt from the events when asked. The
-- global position keys it, so an event delivered again is inserted once.
create table query.audit_entry (
    position       bigint      primary key,
    occurred_at    timestamptz not null,
    kind           varchar(8)  not null default 'CHANGE' check (kind = 'CHANGE'),
    actor          text,
    actor_roles    text,
    what           text        not null,
    stream_id      text        not null,
    client_id      uuid,
    correlation_id text,
    request_id     text,
    reason         text
);
create index audit_entry_by_time on query.audit_entry (occurred_at);
create index audit_entry_by_client on query.audit_entry (client_id, occurred_at);
create index audit_entry_by_actor on query.audit_entry (actor, occurred_at);

-- The read log: who read which client's record, when, through which endpoint, and whether it was served. It is
-- written before an answer leaves and never rebuilt (reads are not events), so it is kept apart from the views.
-- id is taken in the insert trigger, under the chain's lock, so ids follow the chain's order.
create sequence query.read_log_id;
create table query.read_log (
    id          bigint      primary key,
    read_at     timestamptz not null,
    actor       text        not null,
    actor_roles text        not null,
    client_id   uuid,
    endpoint    text        not null,
    outcome     varchar(16) not null check (outcome in ('SERVED', 'DENIED', 'NOT_FOUND')),
    request_id  text        not null,
    chain_hash  bytea       not null
);
create index read_log_by_time on query.read_log (read_at);
create index read_log_by_client on query.read_log (client_id, read_at);
create index read_log_by_actor on query.read_log (actor, read_at);

-- A row's link in the read log's hash chain: sha256 of the previous row's link and the row's own fields. Fields are
-- joined by the unit separator (0x1f) and a null is written as the record separator (0x1e) alone, so no two
-- different rows give the same text. The verifier (ReadLogVerifier) recomputes the chain with this same function.
create function query.read_log_hash(previous bytea, id bigint, read_at timestamptz, actor text, actor_roles text,
                                    client_id uuid, endpoint text, outcome text, request_id text)
    returns bytea
    language sql immutable as
$$
select sha256(coalesce(previous, ''::bytea) || convert_to(concat_ws(chr(31),
        id::text,
        -- in UTC and to the microsecond, so the text does not depend on the session's time zone
        to_char(read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(actor, chr(30)), coalesce(actor_roles, chr(30)), coalesce(client_id::text, chr(30)),
        coalesce(endpoint, chr(30)), coalesce(outcome, chr(30)), coalesce(request_id, chr(30))), 'UTF8'))
$$;

-- Numbers each new row and links it to the last one. The advisory lock (held to the end of the inserting
-- transaction) puts concurrent inserts in one order: a row's id is taken under it, so the previous row by id is the
-- one committed just before it, and the chain runs in id order.
create function query.read_log_link() returns trigger
    language plpgsql as
$$
declare
    previous bytea;
begin
    perform pg_advisory_xact_lock(hashtext('query.read_log'));
    new.id := nextval('query.read_log_id');
    select chain_hash into previous from query.read_log order by id desc limit 1;
    new.chain_hash := query.read_log_hash(previous, new.id, new.read_at, new.actor, new.actor_roles, new.client_id,
                                          new.endpoint, new.outcome, new.request_id);
    return new;
end
$$;
create trigger read_log_link
    before insert on query.read_log
    for each row execute function query.read_log_link();
