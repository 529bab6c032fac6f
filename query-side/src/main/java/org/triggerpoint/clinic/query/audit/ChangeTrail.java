package org.triggerpoint.clinic.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The change rows of the audit trail (query.audit_entry), one per stored event. */
@Repository
class ChangeTrail {

    /** One stored event as the trail keeps it: {@code position} is its global position in the event store. */
    record Change(long position, Instant occurredAt, String actor, String actorRoles, String what, String streamId,
                  UUID clientId, String correlationId, String requestId, String reason) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ChangeTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * One statement batch for a batch of events. Keyed by position: an event delivered again (a retried batch, a
     * replay) leaves the one entry it has. Each value is set by its column's type: an entry per event is the most
     * rows any view writes, and Spring's untyped parameters asked each value its type, ten per entry.
     */
    void recordAll(List<Change> changes) {
        jdbcTemplate.batchUpdate("""
                        insert into query.audit_entry (position, occurred_at, actor, actor_roles, what, stream_id,
                                                       client_id, correlation_id, request_id, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (position) do nothing""",
                changes, changes.size(), (row, change) -> {
                    row.setLong(1, change.position());
                    row.setTimestamp(2, Timestamp.from(change.occurredAt()));
                    row.setString(3, change.actor());
                    row.setString(4, change.actorRoles());
                    row.setString(5, change.what());
                    row.setString(6, change.streamId());
                    row.setObject(7, change.clientId(), Types.OTHER);
                    row.setString(8, change.correlationId());
                    row.setString(9, change.requestId());
                    row.setString(10, change.reason());
                });
    }

    void clear() {
        jdbc.sql("truncate query.audit_entry").update();
    }
}
