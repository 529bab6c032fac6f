package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record SessionId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    public static SessionId of(String value) {
        return new SessionId(UUID.fromString(value));
    }

    /** Axon takes the aggregate identifier from toString(): the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
