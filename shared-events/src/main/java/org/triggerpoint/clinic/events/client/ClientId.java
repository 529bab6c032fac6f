package org.triggerpoint.clinic.events.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record ClientId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ClientId {
        Objects.requireNonNull(value, "client id");
    }

    public static ClientId of(String value) {
        return new ClientId(UUID.fromString(value));
    }

    /** Axon takes the aggregate identifier from toString(): the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
