package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

/**
 * The therapist signed the record: from now on it takes only soreness reports and amendments.
 * The signing therapist is the actor in the event's metadata.
 */
@Revision("1")
public record SessionCompleted(SessionId sessionId, ClientId clientId, PainScore postSessionPainScore, FreeText notes,
                               Instant completedAt) implements SessionRecordEvent {
}
