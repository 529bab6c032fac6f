package org.triggerpoint.clinic.query.outcomes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.ClientInGroup;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.Visit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The rollups: totals per group and month, and the visits that count distinct clients. Written as deltas, read as sums
 * over a range of months, so an answer costs the same for a thousand sessions or a million.
 */
@Repository
class OutcomeRollups {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    OutcomeRollups(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /**
     * Applies a batch's changes, given its clients' sessions per group and month before it, one statement batch per
     * table. The tables are shared by the segments, so rows are written in the order RollupChanges gives.
     */
    void apply(RollupChanges changes, Map<ClientInGroup, SortedMap<YearMonth, Long>> sessionsBefore) {
        applyTotals(changes.totals());
        applyVisits(changes.visits(sessionsBefore));
    }

    /** Writes the rollups counted afresh as a rebuild ends into the emptied tables, one statement batch each. */
    void write(RollupCount count) {
        applyTotals(count.totals());
        applyVisits(count.visits());
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
        jdbc.sql("truncate query.outcome_rollup, query.outcome_group_visit").update();
    }

    private static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }
}
