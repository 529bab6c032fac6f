package org.triggerpoint.clinic.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Changes and reads together, newest first, as one trail: the change rows and the read log, filtered alike. */
@Repository
class AuditTrail {

    record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }

    private static final String ENTRIES = """
            select 'CHANGE' as kind, occurred_at as at, actor, actor_roles, what, client_id, stream_id as stream,
                   null as endpoint, correlation_id, request_id, reason, 'RECORDED' as outcome, position as seq
            from query.audit_entry
            union all
            select 'READ', read_at, actor, actor_roles,
                   case when endpoint like '%/history%' then 'ClientHistoryRead'
                        when endpoint like '%/export%' then 'ClientRecordExported'
                        else 'ClientListRead' end,
                   client_id, null, endpoint, null, request_id, null, outcome, id
            from query.read_log""";
    private static final String FILTERED = "select * from (" + ENTRIES + ") entry where "
            + "(cast(:clientId as uuid) is null or client_id = :clientId) "
            + "and (cast(:actor as text) is null or actor = :actor) "
            + "and (cast(:from as timestamptz) is null or at >= :from) "
            + "and (cast(:to as timestamptz) is null or at < :to)";
    /** At one instant, changes before reads, each in the order they were stored. */
    private static final String NEWEST_FIRST = " order by at desc, kind, seq desc";
    private static final int ROWS_PER_FETCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AuditTrail(DataSource dataSource, TransactionTemplate transaction) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(ROWS_PER_FETCH);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.transaction = transaction;
    }

    AuditPage page(AuditFilter filter, int page, int size) {
        MapSqlParameterSource parameters = parameters(filter)
                .addValue("size", size).addValue("offset", (long) page * size);
        Long total = jdbc.queryForObject("select count(*) from (" + FILTERED + ") counted", parameters, Long.class);
        List<AuditEntry> items = jdbc.query(FILTERED + NEWEST_FIRST + " limit :size offset :offset", parameters,
                (rs, row) -> entry(rs));
        return new AuditPage(items, page, size, total == null ? 0 : total);
    }

    /**
     * Hands over up to {@code limit} entries one at a time as the database sends them, so an export of many
     * entries is never held in memory whole. PostgreSQL only sends rows in portions inside a transaction.
     */
    void each(AuditFilter filter, int limit, Consumer<AuditEntry> consumer) {
        transaction.executeWithoutResult(status -> jdbc.query(FILTERED + NEWEST_FIRST + " limit :limit",
                parameters(filter).addValue("limit", limit), (RowCallbackHandler) rs -> consumer.accept(entry(rs))));
    }

    private static MapSqlParameterSource parameters(AuditFilter filter) {
        return new MapSqlParameterSource()
                .addValue("clientId", filter.clientId())
                .addValue("actor", filter.actor())
                .addValue("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .addValue("to", filter.to() == null ? null : Timestamp.from(filter.to()));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String roles = rs.getString("actor_roles");
        return new AuditEntry(rs.getString("kind"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                rs.getString("what"), rs.getObject("client_id", UUID.class), rs.getString("stream"),
                rs.getString("endpoint"), rs.getString("correlation_id"), rs.getString("request_id"),
                rs.getString("reason"), rs.getString("outcome"));
    }
}
