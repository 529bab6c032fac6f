package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

/** A trigger point found by palpation. Referral pattern, twitch response and threshold are optional (null). */
@Revision("1")
public record TriggerPointIdentified(SessionId sessionId, ClientId clientId, TriggerPointId triggerPointId,
                                     Muscle muscle, Side side, TriggerPointKind kind, FreeText referralPattern,
                                     LocalTwitchResponse localTwitchResponse,
                                     PressurePainThreshold pressurePainThreshold, Instant identifiedAt)
        implements SessionRecordEvent {
}
