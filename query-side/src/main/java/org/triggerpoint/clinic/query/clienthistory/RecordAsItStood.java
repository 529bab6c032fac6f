package org.triggerpoint.clinic.query.clienthistory;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A client's history as it stood at an earlier instant: folded by the view's own code from the events stored up to
 * that instant (their store time), never from the view's current documents. Each stream is read from its first
 * event, so snapshots play no part; streams are folded separately, as no record depends on another's order.
 */
@Component
class RecordAsItStood {

    private final EventStore eventStore;
    private final HistoryTables tables;

    RecordAsItStood(EventStore eventStore, HistoryTables tables) {
        this.eventStore = eventStore;
        this.tables = tables;
    }

    /** Empty when the client was not registered at {@code asOf}. */
    Optional<ClientHistory> history(UUID clientId, Instant asOf) {
        ClientRecord client = fold(clientId, asOf, ClientRecord::fold);
        if (client == null) {
            return Optional.empty();
        }
        List<SessionRecord> sessions = tables.sessionIdsOf(clientId).stream()
                .map(sessionId -> fold(sessionId, asOf, SessionRecord::fold))
                .filter(Objects::nonNull)
                .toList();
        return Optional.of(ClientHistory.of(client, sessions, asOf));
    }

    /** The session's record folded anew from all its events, e.g. once the client's key is gone. */
    SessionRecord sessionAsItStandsNow(UUID sessionId) {
        return fold(sessionId, Instant.MAX, SessionRecord::fold);
    }

    /** The stream's record at {@code asOf}, or null when the stream had no event yet. */
    private <R> R fold(UUID streamId, Instant asOf, BiFunction<R, RecordedEvent, R> fold) {
        R record = null;
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(streamId.toString(), 0).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .toList();
        for (DomainEventMessage<?> event : events) {
            record = fold.apply(record, RecordedEvent.of(event));
        }
        return record;
    }
}
