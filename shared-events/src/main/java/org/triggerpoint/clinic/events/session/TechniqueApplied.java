package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

@Revision("1")
public record TechniqueApplied(SessionId sessionId, ClientId clientId, FollowUpTechnique technique, FreeText notes,
                               Instant appliedAt) implements SessionRecordEvent {
}
