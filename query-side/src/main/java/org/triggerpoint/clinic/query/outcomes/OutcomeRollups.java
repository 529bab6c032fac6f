package org.triggerpoint.clinic.query.outcomes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.ClientInGroup;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.Visit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rollups: totals per group and month, each client's sessions per group and month, and the visits that count
 * distinct clients. Written as deltas, read as sums over a range of months, so an answer costs the same for a thousand
 * sessions or a million.
 */
@Repository
class OutcomeRollups {

    /**
     * The sessions per month of some clients in some groups (parameters: the dimensions, group keys and client ids,
     * position by position), one probe of the primary key per client and group. Written as a join, PostgreSQL hashed
     * the keys and scanned the whole table whenever its statistics were those of a small table, as they are all
     * through a rebuild that empties it: 6.1 ms a call, 18.4 s of the database's time in a quick benchmark run
     * ({@code pg_stat_statements}), against 0.31 ms and 1.1 s now. {@code offset 0} keeps the lateral subquery from
     * being merged back into such a join, so that the plan is the index probe whatever the statistics say.
     */
    static final String SESSIONS_BEFORE = """
            select c.dimension, c.group_key, c.client_id, c.month, c.sessions
            from unnest(?::text[], ?::text[], ?::uuid[]) as changed (dimension, group_key, client_id)
            cross join lateral (
                select * from query.outcome_group_client c
                where c.dimension = changed.dimension and c.group_key = changed.group_key
                    and c.client_id = changed.client_id
                offset 0) c""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    OutcomeRollups(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /**
     * Applies a batch's changes, one statement batch per table. The tables that segments share (totals, visits) are
     * written in the order RollupChanges gives; a client's own rows are written by their segment alone.
     */
    void apply(RollupChanges changes) {
        applyTotals(changes.totals());
        SortedMap<ClientInGroup, SortedMap<YearMonth, Long>> clientSessions = changes.clientSessions();
        SortedMap<Visit, Long> visits = changes.visits(sessionsBefore(clientSessions.keySet().stream().toList()));
        applyClientSessions(clientSessions);
        applyVisits(visits);
    }

    private void applyTotals(SortedMap<GroupKey, OutcomeTotals> changes) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        changes.forEach((group, change) -> {
            rows.add(new Object[]{group.grouping().parameter(), group.key(), firstDay(group.month()),
                    change.sessions(), change.painReduction(), change.mcidSessions(), change.soreSessions(),
                    change.resolvedWithin48hSessions()});
            if (change.sessions() < 0) {
                emptied.add(new Object[]{group.grouping().parameter(), group.key(), firstDay(group.month())});
            }
        });
        jdbcTemplate.batchUpdate("""
                insert into query.outcome_rollup as rollup (dimension, group_key, month, sessions, pain_reduction,
                    mcid_sessions, sore_sessions, resolved_within_48h_sessions)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (dimension, group_key, month) do update set
                    sessions = rollup.sessions + excluded.sessions,
                    pain_reduction = rollup.pain_reduction + excluded.pain_reduction,
                    mcid_sessions = rollup.mcid_sessions + excluded.mcid_sessions,
                    sore_sessions = rollup.sore_sessions + excluded.sore_sessions,
                    resolved_within_48h_sessions = rollup.resolved_within_48h_sessions
                        + excluded.resolved_within_48h_sessions""", rows);
        // A signed session's groups do not change with today's events; should a correction ever take a session out
        // of a group, the group's month must not linger with no session.
        jdbcTemplate.batchUpdate("""
                delete from query.outcome_rollup
                where dimension = ? and group_key = ? and month = ? and sessions = 0""", emptied);
    }

    /** Each changed client's sessions per month in the group, as they stand before the batch. */
    private Map<ClientInGroup, SortedMap<YearMonth, Long>> sessionsBefore(List<ClientInGroup> clients) {
        Map<ClientInGroup, SortedMap<YearMonth, Long>> sessions = new HashMap<>();
        if (clients.isEmpty()) {
            return sessions;
        }
        jdbc.sql(SESSIONS_BEFORE)
                .params(clients.stream().map(client -> client.grouping().parameter()).toArray(String[]::new),
                        clients.stream().map(ClientInGroup::key).toArray(String[]::new),
                        clients.stream().map(client -> client.clientId().toString()).toArray(String[]::new))
                .query(rs -> {
                    ClientInGroup client = new ClientInGroup(Grouping.named(rs.getString("dimension")).orElseThrow(),
                            rs.getString("group_key"), rs.getObject("client_id", UUID.class));
                    sessions.computeIfAbsent(client, any -> new TreeMap<>()).put(
                            YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("sessions"));
                });
        return sessions;
    }

    private void applyClientSessions(SortedMap<ClientInGroup, SortedMap<YearMonth, Long>> changes) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        changes.forEach((client, perMonth) -> perMonth.forEach((month, change) -> {
            Object[] primaryKey = {client.grouping().parameter(), client.key(), client.clientId(), firstDay(month)};
            rows.add(new Object[]{primaryKey[0], primaryKey[1], primaryKey[2], primaryKey[3], change});
            if (change < 0) {
                emptied.add(primaryKey);
            }
        }));
        jdbcTemplate.batchUpdate("""
                insert into query.outcome_group_client as client (dimension, group_key, client_id, month, sessions)
                values (?, ?, ?, ?, ?)
                on conflict (dimension, group_key, client_id, month) do update
                    set sessions = client.sessions + excluded.sessions""", rows);
        jdbcTemplate.batchUpdate("""
                delete from query.outcome_group_client
                where dimension = ? and group_key = ? and client_id = ? and month = ? and sessions = 0""", emptied);
    }

    private void applyVisits(SortedMap<Visit, Long> changes) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        changes.forEach((visit, change) -> {
            Object[] primaryKey = {visit.group().grouping().parameter(), visit.group().key(),
                    firstDay(visit.group().month()), visit.previousMonth() == null ? null
                    : firstDay(visit.previousMonth())};
            rows.add(new Object[]{primaryKey[0], primaryKey[1], primaryKey[2], primaryKey[3], change});
            if (change < 0) {
                emptied.add(primaryKey);
            }
        });
        // A client's months change when a session from before their latest month is signed late: visits then
        // move from one previous month to another, and a count may fall to zero.
        jdbcTemplate.batchUpdate("""
                insert into query.outcome_group_visit as visit (dimension, group_key, month, previous_month, clients)
                values (?, ?, ?, coalesce(cast(? as date), '-infinity'), ?)
                on conflict (dimension, group_key, month, previous_month) do update
                    set clients = visit.clients + excluded.clients""", rows);
        jdbcTemplate.batchUpdate("""
                delete from query.outcome_group_visit
                where dimension = ? and group_key = ? and month = ?
                    and previous_month = coalesce(cast(? as date), '-infinity') and clients = 0""", emptied);
    }

    /**
     * Each group's totals and distinct clients over the months of {@code range}, in one consistent snapshot. A
     * client counts once, by their first month in the range: the visit whose previous month lies before it.
     */
    List<GroupOutcome> outcomesBy(Grouping grouping, MonthRange range) {
        String toMonth = range.to() != null ? " and month <= :to" : "";
        String totalsInRange = (range.from() != null ? " and month >= :from" : "") + toMonth;
        String firstVisitsInRange = (range.from() != null ? " and month >= :from and previous_month < :from"
                : " and previous_month = '-infinity'") + toMonth;
        JdbcClient.StatementSpec query = jdbc.sql("""
                        with totals as (
                            select group_key, sum(sessions) as sessions, sum(pain_reduction) as pain_reduction,
                                   sum(mcid_sessions) as mcid_sessions, sum(sore_sessions) as sore_sessions,
                                   sum(resolved_within_48h_sessions) as resolved_within_48h_sessions
                            from query.outcome_rollup where dimension = :dimension %s
                            group by group_key),
                        clients as (
                            select group_key, sum(clients) as clients
                            from query.outcome_group_visit where dimension = :dimension %s
                            group by group_key)
                        select * from totals join clients using (group_key)
                        order by group_key""".formatted(totalsInRange, firstVisitsInRange))
                .param("dimension", grouping.parameter());
        if (range.from() != null) {
            query = query.param("from", firstDay(range.from()));
        }
        if (range.to() != null) {
            query = query.param("to", firstDay(range.to()));
        }
        return query.query((rs, row) -> new GroupOutcome(rs.getString("group_key"),
                        new OutcomeTotals(rs.getLong("sessions"), rs.getLong("pain_reduction"),
                                rs.getLong("mcid_sessions"), rs.getLong("sore_sessions"),
                                rs.getLong("resolved_within_48h_sessions")),
                        rs.getLong("clients")))
                .list();
    }

    void clear() {
        jdbc.sql("truncate query.outcome_rollup, query.outcome_group_client, query.outcome_group_visit").update();
    }

    private static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }
}
