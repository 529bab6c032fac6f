package org.triggerpoint.clinic.command.therapist;

import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.time.Instant;

public record RegisterTherapist(TherapistId therapistId, String displayName, String licenseNumber,
                                Instant registeredAt) {
}
