package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

/** Post-session soreness the client reported, usually within 24–48 hours of a signed session. */
@Revision("1")
public record SorenessReported(SessionId sessionId, ClientId clientId, HoursAfterSession hoursAfterSession,
                               SorenessSeverity severity, boolean resolved, FreeText notes, Instant reportedAt)
        implements SessionRecordEvent {
}
