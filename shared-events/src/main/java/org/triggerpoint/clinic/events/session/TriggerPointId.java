package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record TriggerPointId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TriggerPointId {
        Objects.requireNonNull(value, "trigger point id");
    }

    public static TriggerPointId of(String value) {
        return new TriggerPointId(UUID.fromString(value));
    }

    /** The bare UUID, as in URLs. */
    @Override
    public String toString() {
        return value.toString();
    }
}
