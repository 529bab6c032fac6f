package org.triggerpoint.clinic.events.therapist;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The therapist no longer treats at the clinic: no new sessions; their signed records stay. */
@Revision("1")
public record TherapistDeactivated(TherapistId therapistId, Instant deactivatedAt) {
}
