-- The client-history view (processing group client-history). Each client's own record and each session's record
-- is one JSON document, folded from that stream's events; the plain columns beside it serve searching and paging.
-- last_position is the global position of the last event folded into the row: an event delivered again (at or
-- below it) is skipped, so replaying a stretch of the log never doubles an entry.
create table query.history_client (
    client_id     uuid        primary key,
    given_name    text        not null,
    family_name   text        not null,
    date_of_birth date        not null,
    registered_at timestamptz not null,
    doc           jsonb       not null,
    last_position bigint      not null
);
-- The client list is ordered by family then given name, ignoring case. Name search is a substring match; at a
-- clinic's scale a scan is fast enough, so no trigram index (and no extension) is needed.
create index history_client_by_name on query.history_client (lower(family_name), lower(given_name), client_id);

-- No foreign key to history_client: both tables are emptied and refilled together on a rebuild, and a client's
-- events always reach the view before those of their sessions (one segment per client, in store order).
create table query.history_session (
    session_id    uuid        primary key,
    client_id     uuid        not null,
    started_at    timestamptz not null,
    doc           jsonb       not null,
    last_position bigint      not null
);
create index history_session_by_client on query.history_session (client_id, started_at);
