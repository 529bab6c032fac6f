package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;
import java.util.List;

/**
 * The assessment that opens a session: the client's pain now (NPRS), its pattern, posture and movement
 * restrictions in the therapist's words, and optionally the body regions concerned and range of motion.
 * Revision 2 added {@code regions}; revision-1 events are upcast with none.
 */
@Revision("2")
public record AssessmentRecorded(SessionId sessionId, ClientId clientId, PainScore painScore, FreeText painPattern,
                                 FreeText posture, List<FreeText> movementRestrictions, List<BodyRegion> regions,
                                 List<RangeOfMotion> rangeOfMotion, Instant recordedAt) implements SessionRecordEvent {

    public AssessmentRecorded {
        movementRestrictions = List.copyOf(movementRestrictions);
        regions = List.copyOf(regions);
        rangeOfMotion = List.copyOf(rangeOfMotion);
    }
}
