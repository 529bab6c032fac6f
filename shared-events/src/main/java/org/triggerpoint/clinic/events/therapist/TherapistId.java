package org.triggerpoint.clinic.events.therapist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record TherapistId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TherapistId {
        Objects.requireNonNull(value, "therapist id");
    }

    public static TherapistId of(String value) {
        return new TherapistId(UUID.fromString(value));
    }

    /** Axon takes the aggregate identifier from toString(): the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
