package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A trigger point found in a session, with its release once pressure was held on it (null until then).
 * Pressure pain thresholds are in kg/cm², null where not measured.
 */
record TriggerPoint(UUID triggerPointId, Muscle muscle, Side side, TriggerPointKind kind, String referralPattern,
                    LocalTwitchResponse localTwitchResponse, BigDecimal pressurePainThreshold, Instant identifiedAt,
                    Release release) {

    record Release(PressureTechnique pressure, int holdSeconds, TissueResponse tissueResponse,
                   boolean referredSensationReproduced, BigDecimal pressurePainThresholdAfter, Instant releasedAt) {
    }

    static TriggerPoint of(TriggerPointIdentified identified) {
        return new TriggerPoint(identified.triggerPointId().value(), identified.muscle(), identified.side(),
                identified.kind(), Plain.text(identified.referralPattern()), identified.localTwitchResponse(),
                Plain.kgPerSquareCentimetre(identified.pressurePainThreshold()), identified.identifiedAt(), null);
    }

    /** This trigger point with {@code released} recorded, if the release is of this trigger point. */
    TriggerPoint after(TriggerPointReleased released) {
        if (!triggerPointId.equals(released.triggerPointId().value())) {
            return this;
        }
        return new TriggerPoint(triggerPointId, muscle, side, kind, referralPattern, localTwitchResponse,
                pressurePainThreshold, identifiedAt,
                new Release(released.pressure(), released.hold().seconds(), released.tissueResponse(),
                        released.referredSensationReproduced(),
                        Plain.kgPerSquareCentimetre(released.pressurePainThresholdAfter()), released.releasedAt()));
    }
}
