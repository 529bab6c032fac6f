package org.triggerpoint.clinic.query.outcomes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.ClientInGroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollups: totals per group and month, and each client's sessions per group and month. Written as deltas, read as
 * sums over a range of months, so an answer costs the same for a thousand sessions or a million.
 */
@Repository
class OutcomeRollups {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    OutcomeRollups(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Applies a batch's changes, one statement batch per table, in the order the changes come (see RollupChanges). */
    void apply(RollupChanges changes) {
        List<Object[]> totals = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        changes.totals().forEach((group, change) -> {
            totals.add(new Object[]{group.grouping().parameter(), group.key(), month(group), change.sessions(),
                    change.painReduction(), change.mcidSessions(), change.soreSessions(),
                    change.resolvedWithin48hSessions()});
            if (change.sessions() < 0) {
                emptied.add(primaryKey(group));
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
                        + excluded.resolved_within_48h_sessions""", totals);

        List<Object[]> clientSessions = new ArrayList<>();
        List<Object[]> clientsGone = new ArrayList<>();
        changes.clientSessions().forEach((client, change) -> {
            clientSessions.add(new Object[]{client.group().grouping().parameter(), client.group().key(),
                    month(client.group()), client.clientId(), change});
            if (change < 0) {
                clientsGone.add(primaryKey(client));
            }
        });
        jdbcTemplate.batchUpdate("""
                insert into query.outcome_group_client as client (dimension, group_key, month, client_id, sessions)
                values (?, ?, ?, ?, ?)
                on conflict (dimension, group_key, month, client_id) do update
                    set sessions = client.sessions + excluded.sessions""", clientSessions);

        // A signed session's groups do not change with today's events, but should a correction ever move a session
        // out of a group, a client left with no session there must stop counting towards its distinct clients.
        jdbcTemplate.batchUpdate("""
                delete from query.outcome_rollup
                where dimension = ? and group_key = ? and month = ? and sessions = 0""", emptied);
        jdbcTemplate.batchUpdate("""
                delete from query.outcome_group_client
                where dimension = ? and group_key = ? and month = ? and client_id = ? and sessions = 0""", clientsGone);
    }

    /** Each group's totals and distinct clients over the months of {@code range}, in one consistent snapshot. */
    List<GroupOutcome> outcomesBy(Grouping grouping, MonthRange range) {
        String months = (range.from() != null ? " and month >= :from" : "") + (range.to() != null ? " and month <= :to" : "");
        JdbcClient.StatementSpec query = jdbc.sql("""
                        with totals as (
                            select group_key, sum(sessions) as sessions, sum(pain_reduction) as pain_reduction,
                                   sum(mcid_sessions) as mcid_sessions, sum(sore_sessions) as sore_sessions,
                                   sum(resolved_within_48h_sessions) as resolved_within_48h_sessions
                            from query.outcome_rollup where dimension = :dimension %1$s
                            group by group_key),
                        clients as (
                            select group_key, count(distinct client_id) as clients
                            from query.outcome_group_client where dimension = :dimension %1$s
                            group by group_key)
                        select * from totals join clients using (group_key)
                        order by group_key""".formatted(months))
                .param("dimension", grouping.parameter());
        if (range.from() != null) {
            query = query.param("from", range.from().atDay(1));
        }
        if (range.to() != null) {
            query = query.param("to", range.to().atDay(1));
        }
        return query.query((rs, row) -> new GroupOutcome(rs.getString("group_key"),
                        new OutcomeTotals(rs.getLong("sessions"), rs.getLong("pain_reduction"),
                                rs.getLong("mcid_sessions"), rs.getLong("sore_sessions"),
                                rs.getLong("resolved_within_48h_sessions")),
                        rs.getLong("clients")))
                .list();
    }

    void clear() {
        jdbc.sql("truncate query.outcome_rollup, query.outcome_group_client").update();
    }

    private static LocalDate month(GroupKey group) {
        return group.month().atDay(1);
    }

    private static Object[] primaryKey(GroupKey group) {
        return new Object[]{group.grouping().parameter(), group.key(), month(group)};
    }

    private static Object[] primaryKey(ClientInGroup client) {
        return new Object[]{client.group().grouping().parameter(), client.group().key(), month(client.group()),
                client.clientId()};
    }
}
