package org.triggerpoint.clinic.query.clienthistory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.query.clienthistory.HistoryTables.Stored;
import org.triggerpoint.clinic.query.privacy.ClientKeys;
import org.triggerpoint.clinic.query.projections.BatchScope;
import org.triggerpoint.clinic.query.projections.EventPosition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the client-history view: folds each event into the document of the stream it belongs to, the client's own
 * or one session's. A client's events arrive in store order within one segment (clientRecordSequencing). A batch's
 * documents are read once, folded in memory, and written back with the batch's token in one transaction.
 * <p>
 * An event at or below a document's last position was folded into it already: it is delivered again (a token set
 * back, a segment split or merged) and skipped, so nothing is ever listed twice. Positions only grow within a stream,
 * as a stream's events are appended one after another.
 */
@Component
@ProcessingGroup(ClientHistoryProjection.PROCESSING_GROUP)
class ClientHistoryProjection {

    static final String PROCESSING_GROUP = "client-history";
    private static final String BATCH = ClientHistoryProjection.class.getName() + ".documents";

    private final HistoryTables tables;
    private final RecordAsItStood records;
    private final ClientKeys keys;

    ClientHistoryProjection(HistoryTables tables, RecordAsItStood records, ClientKeys keys) {
        this.tables = tables;
        this.records = records;
        this.keys = keys;
    }

    @EventHandler
    void on(ClientRegistered event, EventMessage<?> message, TrackingToken token) {
        foldIntoClient(event.clientId(), message, token);
    }

    @EventHandler
    void on(ConsentGiven event, EventMessage<?> message, TrackingToken token) {
        foldIntoClient(event.clientId(), message, token);
    }

    @EventHandler
    void on(ConsentWithdrawn event, EventMessage<?> message, TrackingToken token) {
        foldIntoClient(event.clientId(), message, token);
    }

    @EventHandler
    void on(IntakeRecorded event, EventMessage<?> message, TrackingToken token) {
        foldIntoClient(event.clientId(), message, token);
    }

    /**
     * The client's key is gone: their own record drops every personal value, and each session is folded anew from
     * its events, which now read their texts as erased, so no copy of them stays in this view.
     */
    @EventHandler
    void on(ClientDataErased event, EventMessage<?> message, TrackingToken token) {
        keys.forget(event.clientId());
        HistoryBatch batch = batch();
        batch.write(); // sessions started earlier in this batch must be listed below too
        foldIntoClient(event.clientId(), message, token);
        for (Stored<UUID> session : tables.sessionPositionsOf(event.clientId().value())) {
            batch.save(event.clientId().value(), records.sessionAsItStandsNow(session.record()),
                    session.lastPosition());
        }
    }

    @EventHandler
    void on(SessionStarted event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(AssessmentRecorded event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(TriggerPointIdentified event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(TriggerPointReleased event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(TechniqueApplied event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(SessionCompleted event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(SorenessReported event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @EventHandler
    void on(SessionAmended event, EventMessage<?> message, TrackingToken token) {
        foldIntoSession(event.sessionId(), event.clientId(), message, token);
    }

    @ResetHandler
    void beforeRebuild() {
        tables.clear();
    }

    private void foldIntoClient(ClientId clientId, EventMessage<?> message, TrackingToken token) {
        long position = EventPosition.of(message, token);
        HistoryBatch batch = batch();
        Optional<Stored<ClientRecord>> stored = batch.client(clientId.value());
        if (alreadyFolded(stored, position)) {
            return;
        }
        batch.save(ClientRecord.fold(stored.map(Stored::record).orElse(null), RecordedEvent.of(message)), position);
    }

    private void foldIntoSession(SessionId sessionId, ClientId clientId, EventMessage<?> message,
                                 TrackingToken token) {
        long position = EventPosition.of(message, token);
        HistoryBatch batch = batch();
        Optional<Stored<SessionRecord>> stored = batch.session(sessionId.value());
        if (alreadyFolded(stored, position)) {
            return;
        }
        batch.save(clientId.value(),
                SessionRecord.fold(stored.map(Stored::record).orElse(null), RecordedEvent.of(message)), position);
    }

    /** This batch's documents, written back just before it commits. */
    private HistoryBatch batch() {
        return BatchScope.current(BATCH, () -> {
            List<EventMessage<?>> events = BatchScope.events();
            keys.readAhead(events);
            HistoryBatch batch = new HistoryBatch(tables);
            batch.readAhead(events);
            return batch;
        }, HistoryBatch::write);
    }

    private static boolean alreadyFolded(Optional<? extends Stored<?>> stored, long position) {
        return stored.isPresent() && position <= stored.get().lastPosition();
    }
}

