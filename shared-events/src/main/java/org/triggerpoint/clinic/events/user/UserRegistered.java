package org.triggerpoint.clinic.events.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** A user may now sign in with the given roles. The password never enters an event. */
@Revision("1")
public record UserRegistered(Username username, Set<Role> roles, Instant registeredAt) {

    public UserRegistered {
        roles = Set.copyOf(roles);
    }
}
