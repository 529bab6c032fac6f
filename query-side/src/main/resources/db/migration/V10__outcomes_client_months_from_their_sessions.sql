-- The months each client has in each group follow from the client's sessions, which the view keeps anyway: a batch
-- now reads its clients' sessions (by this index) and counts them, instead of keeping a row per client, group and
-- month beside them, written for every signed session in each of its groups. The visits and totals are unchanged.
drop table query.outcome_group_client;

create index outcome_session_client on query.outcome_session (client_id);
