-- The query-side processes alive now, each renewing its row every second, so that every node can count the others
-- and take a fair share of the views' segments (ProcessingNodes). A node that stops gently deletes its row; one that
-- dies simply stops renewing it.
create table query.processing_node (
    node_id   varchar(255) primary key,
    last_seen timestamptz  not null
);
