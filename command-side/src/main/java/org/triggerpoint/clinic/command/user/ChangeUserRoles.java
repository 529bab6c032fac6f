package org.triggerpoint.clinic.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.Username;

import java.time.Instant;
import java.util.Set;

/** Replaces the user's roles with {@code roles}. */
public record ChangeUserRoles(@TargetAggregateIdentifier Username username, Set<Role> roles, Instant changedAt) {
}
