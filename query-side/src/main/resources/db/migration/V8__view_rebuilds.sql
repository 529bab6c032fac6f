-- A rebuild under way, one row per view: written in the transaction that empties the view and resets its tokens,
-- deleted once the view has read as far as the store reached when the rebuild began. A query side that starts again
-- after a crash in the middle of a rebuild reads it, and keeps refusing the view until the rebuild is over, instead
-- of serving the part rebuilt so far as if it were the whole record.
create table query.view_rebuild (
    view_name       varchar(64) primary key,
    target_position bigint      not null,
    started_at      timestamptz not null
);
