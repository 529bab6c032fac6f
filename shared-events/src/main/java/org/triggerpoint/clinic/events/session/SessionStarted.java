package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.time.Instant;

@Revision("1")
public record SessionStarted(SessionId sessionId, ClientId clientId, TherapistId therapistId, Instant startedAt)
        implements SessionRecordEvent {
}
