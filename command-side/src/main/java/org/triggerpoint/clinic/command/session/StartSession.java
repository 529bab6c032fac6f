package org.triggerpoint.clinic.command.session;

import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.time.Instant;

public record StartSession(SessionId sessionId, ClientId clientId, TherapistId therapistId, Instant startedAt) {
}
