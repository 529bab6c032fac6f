package org.triggerpoint.clinic.events.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The user can no longer sign in; what they recorded stays, attributed to them. */
@Revision("1")
public record UserDeactivated(Username username, Instant deactivatedAt) {
}
