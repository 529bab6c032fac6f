package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the client's pain trend and muscle summary take from one session: when it started, the pain scores as amended
 * (null until assessed, and until signed), and each trigger point found with how its release went. Coded values and
 * times only, never a text, so nothing in it is personal. The view keeps it beside the session's document, so a read
 * parses these few values instead of the whole record.
 */
record SessionFacts(UUID sessionId, Instant startedAt, Integer painScore, Integer postSessionPainScore,
                    List<TriggerPointFound> triggerPoints) {

    /** A trigger point as the muscle summary counts it; the release's values are null until it is released. */
    record TriggerPointFound(Muscle muscle, Side side, TriggerPointKind kind, Instant identifiedAt,
                             BigDecimal pressurePainThreshold, TissueResponse tissueResponse,
                             BigDecimal pressurePainThresholdAfter) {

        boolean released() {
            return tissueResponse != null;
        }
    }

    static SessionFacts of(SessionRecord session) {
        return new SessionFacts(session.sessionId(), session.startedAt(),
                session.assessment() == null ? null : session.assessment().painScore(),
                session.completion() == null ? null : session.completion().postSessionPainScore(),
                session.triggerPoints().stream().map(SessionFacts::found).toList());
    }

    /** Assessed and signed: the session has a point on the pain trend. */
    boolean completed() {
        return painScore != null && postSessionPainScore != null;
    }

    private static TriggerPointFound found(TriggerPoint point) {
        TriggerPoint.Release release = point.release();
        return new TriggerPointFound(point.muscle(), point.side(), point.kind(), point.identifiedAt(),
                point.pressurePainThreshold(), release == null ? null : release.tissueResponse(),
                release == null ? null : release.pressurePainThresholdAfter());
    }
}
