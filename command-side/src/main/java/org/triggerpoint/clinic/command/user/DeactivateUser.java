package org.triggerpoint.clinic.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.user.Username;

import java.time.Instant;

public record DeactivateUser(@TargetAggregateIdentifier Username username, Instant deactivatedAt) {
}
