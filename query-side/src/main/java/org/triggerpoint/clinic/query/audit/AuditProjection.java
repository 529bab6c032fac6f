package org.triggerpoint.clinic.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientRecordEvent;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.query.projections.BatchScope;
import org.triggerpoint.clinic.query.projections.EventPosition;

import java.util.ArrayList;

/**
 * The change trail: one entry per stored event, whatever its type, saying who changed what, whose record, when and
 * why. Only the event's type, ids and metadata are copied; its payload may hold personal data, which the trail must
 * never keep (it is not erased with the client). A batch's entries are written together just before it commits.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
class AuditProjection {

    static final String PROCESSING_GROUP = "audit";
    private static final String BATCH = AuditProjection.class.getName() + ".changes";

    private final ChangeTrail changes;

    AuditProjection(ChangeTrail changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        MetaData metaData = event.getMetaData();
        BatchScope.current(BATCH, ArrayList<ChangeTrail.Change>::new, changes::recordAll).add(new ChangeTrail.Change(
                EventPosition.of(event, token),
                event.getTimestamp(),
                text(metaData, "actor"),
                text(metaData, "actorRoles"),
                event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier(),
                payload instanceof ClientRecordEvent ofClient ? ofClient.clientId().value() : null,
                text(metaData, "correlationId"),
                text(metaData, "requestId"),
                reason(payload, text(metaData, "reason"))));
    }

    /** Rebuilding: runs in the transaction that resets the processor's tokens. Reads are not events: kept. */
    @ResetHandler
    void reset() {
        changes.clear();
    }

    /**
     * The reason an actor gave with the command. An amendment's own reason is the therapist's free text, encrypted
     * in the record; the trail says that it exists and where, not what it says.
     */
    private static String reason(Object payload, String given) {
        if (payload instanceof SessionAmended amended) {
            String recorded = "amendment " + amended.amendmentId().value()
                    + ": its reason is recorded in the encrypted session record";
            return given == null ? recorded : given + "; " + recorded;
        }
        return given;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
