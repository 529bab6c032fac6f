package org.triggerpoint.clinic.command.user;

import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.Username;

import java.time.Instant;
import java.util.Set;

public record RegisterUser(Username username, Set<Role> roles, Instant registeredAt) {
}
