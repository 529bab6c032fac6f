package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.SessionId;

import java.time.Instant;

public record ApplyTechnique(@TargetAggregateIdentifier SessionId sessionId, FollowUpTechnique technique,
                             FreeText notes, Instant appliedAt) {
}
