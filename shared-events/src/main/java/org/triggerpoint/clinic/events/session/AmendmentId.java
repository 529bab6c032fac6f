package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record AmendmentId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AmendmentId {
        Objects.requireNonNull(value, "amendment id");
    }

    public static AmendmentId of(String value) {
        return new AmendmentId(UUID.fromString(value));
    }

    /** The bare UUID, as in URLs. */
    @Override
    public String toString() {
        return value.toString();
    }
}
