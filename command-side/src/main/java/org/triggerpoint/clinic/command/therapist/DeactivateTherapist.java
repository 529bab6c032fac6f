package org.triggerpoint.clinic.command.therapist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.time.Instant;

public record DeactivateTherapist(@TargetAggregateIdentifier TherapistId therapistId, Instant deactivatedAt) {
}
