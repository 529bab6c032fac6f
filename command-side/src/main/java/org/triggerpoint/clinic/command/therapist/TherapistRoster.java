package org.triggerpoint.clinic.command.therapist;

import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.util.Optional;

/** The clinic's therapists as other aggregates need to know them: registered, and active or not. */
public interface TherapistRoster {

    Optional<RosteredTherapist> find(TherapistId therapistId);

    boolean isLicenseNumberRegistered(String licenseNumber);

    record RosteredTherapist(TherapistId therapistId, boolean active) {
    }
}
