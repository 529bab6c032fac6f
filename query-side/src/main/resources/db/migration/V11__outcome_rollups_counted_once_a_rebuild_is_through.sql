-- While the outcomes view is rebuilt, its rollups are not brought up to date batch by batch: the batch that reaches
-- the rebuild's target counts every signed session into them at once (OutcomeBatch, RollupsAfterRebuild). Written
-- batch by batch, the rollups were two statements for each signed session's groups, a quarter of the database's work
-- in a rebuild; counted at the end, a few thousand rows for the whole view.
-- One row while the rollups wait: written in the transaction that empties the view and resets its tokens, deleted
-- in the transaction of the batch that counts them.
create table query.outcome_rollups_waiting (
    waiting boolean     primary key default true check (waiting),
    since   timestamptz not null default now()
);
