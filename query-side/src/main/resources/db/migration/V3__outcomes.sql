-- The outcome-analytics view (processing group "outcomes"). Answers are sums over the rollups (totals and visits),
-- whose size grows with groups and months, not with sessions or clients. The session and client rows are the
-- projection's working state: a soreness report or an amendment arrives after a session was signed and counted, and
-- its old contribution must be taken out of the rollups before the new one goes in. No names, birth dates or notes
-- are kept here.

-- Each session as analytics sees it; last_position is the global index of the last event applied, so a redelivered
-- event (at or below it) is skipped.
create table query.outcome_session (
    session_id          uuid     primary key,
    client_id           uuid     not null,
    therapist_id        uuid     not null,
    started_month       date     not null,
    pain_score          smallint,
    post_pain_score     smallint,
    completed           boolean  not null,
    sore                boolean  not null,
    resolved_within_48h boolean  not null,
    muscles             text[]   not null,
    pressures           text[]   not null,
    -- the client's presenting conditions from the intake in force when the session was signed; empty before
    conditions          text[]   not null,
    last_position       bigint   not null
);

-- Each client's presenting conditions from their latest intake, for the sessions they will sign.
create table query.outcome_client (
    client_id     uuid   primary key,
    conditions    text[] not null,
    last_position bigint not null
);

-- Totals per group and month of session start (always the 1st of the month). dimension is the groupBy name.
create table query.outcome_rollup (
    dimension                    varchar(16) not null,
    group_key                    varchar(64) not null,
    month                        date        not null,
    sessions                     bigint      not null,
    pain_reduction               bigint      not null,
    mcid_sessions                bigint      not null,
    sore_sessions                bigint      not null,
    resolved_within_48h_sessions bigint      not null,
    primary key (dimension, group_key, month)
);

-- Each client's number of sessions per group and month: the months a client has in a group.
create table query.outcome_group_client (
    dimension varchar(16) not null,
    group_key varchar(64) not null,
    client_id uuid        not null,
    month     date        not null,
    sessions  bigint      not null,
    primary key (dimension, group_key, client_id, month)
);

-- Distinct clients, made summable: how many clients had sessions in a group in month whose previous month with
-- sessions in that group was previous_month ('-infinity' when it was their first). Over months [from, to] each client
-- has exactly one such row with month in the range and previous_month before from: the first of their months in it.
create table query.outcome_group_visit (
    dimension      varchar(16) not null,
    group_key      varchar(64) not null,
    month          date        not null,
    previous_month date        not null,
    clients        bigint      not null,
    primary key (dimension, group_key, month, previous_month)
);
