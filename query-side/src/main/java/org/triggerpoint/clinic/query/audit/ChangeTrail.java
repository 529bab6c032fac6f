package org.triggerpoint.clinic.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
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
     * replay) leaves the one entry it has.
     */
    void recordAll(List<Change> changes) {
        jdbcTemplate.batchUpdate("""
                        insert into query.audit_entry (position, occurred_at, actor, actor_roles, what, stream_id,
                                                       client_id, correlation_id, request_id, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (position) do nothing""",
                changes.stream().map(change -> new Object[]{change.position(), Timestamp.from(change.occurredAt()),
                        change.actor(), change.actorRoles(), change.what(), change.streamId(), change.clientId(),
                        change.correlationId(), change.requestId(), change.reason()}).toList());
    }

    void clear() {
        jdbc.sql("truncate query.audit_entry").update();
    }
}
