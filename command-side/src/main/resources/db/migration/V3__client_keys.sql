-- Each client's data key, apart from the events it protects. Destroying a key (data_key set to null) erases the
-- client's personal data from every copy of the event store; the row stays as a tombstone so that no new key is
-- ever made for an erased client.
create table privacy.client_key (
    client_id    uuid        primary key,
    data_key     bytea,
    created_at   timestamptz not null default now(),
    destroyed_at timestamptz,
    constraint client_key_destroyed_has_no_key check ((destroyed_at is null) = (data_key is not null))
);

-- What the command side needs for the retention rule: when the client's record last grew, and whether it is erased.
alter table command.client_registry
    add column last_activity_at timestamptz,
    add column erased boolean not null default false;
