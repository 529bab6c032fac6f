package org.triggerpoint.clinic.command.therapist;

import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The therapist roster as maps, standing in for the command-side lookup table in aggregate tests. */
public class InMemoryTherapistRoster implements TherapistRoster {

    private final Map<TherapistId, RosteredTherapist> therapists = new HashMap<>();
    private final Set<String> licenseNumbers = new HashSet<>();

    public void register(TherapistId therapistId, String licenseNumber, boolean active) {
        therapists.put(therapistId, new RosteredTherapist(therapistId, active));
        licenseNumbers.add(licenseNumber);
    }

    @Override
    public Optional<RosteredTherapist> find(TherapistId therapistId) {
        return Optional.ofNullable(therapists.get(therapistId));
    }

    @Override
    public boolean isLicenseNumberRegistered(String licenseNumber) {
        return licenseNumbers.contains(licenseNumber);
    }
}
