package org.triggerpoint.clinic.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the store as the command side would (its aggregate types, per-stream sequence numbers, the
 * actor in metadata, an announcement on the new-events channel once stored), so query-side tests need no command
 * side. Returns each event's consistency token.
 */
public final class EventLog {

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public EventLog(EventStore eventStore, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Appends one event of aggregate {@code type} (e.g. "Session") with id {@code aggregateId}, as {@code actor}. */
    public void append(String type, Object aggregateId, Object payload, Instant at, String actor, String role) {
        append(type, aggregateId, payload, at, Map.of("actor", actor, "actorRoles", role,
                "correlationId", UUID.randomUUID().toString()));
    }

    public void append(String type, Object aggregateId, Object payload, Instant at, Map<String, ?> metaData) {
        String id = aggregateId.toString();
        long sequence = nextSequence.merge(id, 0L, (previous, ignored) -> previous + 1);
        eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence, payload, metaData,
                UUID.randomUUID().toString(), at));
        jdbc.sql("select pg_notify(?, '')").param(EventStoreLayout.NEW_EVENTS_CHANNEL).query().singleRow();
    }

    /** Registers {@code count} therapists at {@code at}, as an administrator: events any view has a row for. */
    public void registerTherapists(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            TherapistId therapistId = new TherapistId(UUID.randomUUID());
            append("Therapist", therapistId.value(), new TherapistRegistered(therapistId, "Dana " + i,
                    "RMT-" + UUID.randomUUID(), at), at, "admin", "ADMIN");
        }
    }

    /** The consistency token the command side would answer after the last event stored so far. */
    public String tokenAfterLastEvent() {
        return "v1." + eventStore.createHeadToken().position().orElse(0);
    }
}
