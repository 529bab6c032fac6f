package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

/**
 * Pressure held on a trigger point until the tissue responded. A reproduced referred sensation confirms the
 * trigger point as the source of the client's pain. The threshold after release is optional (null).
 */
@Revision("1")
public record TriggerPointReleased(SessionId sessionId, ClientId clientId, TriggerPointId triggerPointId,
                                   PressureTechnique pressure, HoldDuration hold, TissueResponse tissueResponse,
                                   boolean referredSensationReproduced,
                                   PressurePainThreshold pressurePainThresholdAfter, Instant releasedAt)
        implements SessionRecordEvent {
}
