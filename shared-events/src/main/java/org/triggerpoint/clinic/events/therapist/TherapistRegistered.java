package org.triggerpoint.clinic.events.therapist;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record TherapistRegistered(TherapistId therapistId, String displayName, String licenseNumber,
                                  Instant registeredAt) {
}
