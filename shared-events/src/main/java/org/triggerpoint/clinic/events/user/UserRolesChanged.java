package org.triggerpoint.clinic.events.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** The user's roles were replaced by {@code roles}: {@code granted} were added and {@code revoked} taken away. */
@Revision("1")
public record UserRolesChanged(Username username, Set<Role> roles, Set<Role> granted, Set<Role> revoked,
                               Instant changedAt) {

    public UserRolesChanged {
        roles = Set.copyOf(roles);
        granted = Set.copyOf(granted);
        revoked = Set.copyOf(revoked);
    }
}
