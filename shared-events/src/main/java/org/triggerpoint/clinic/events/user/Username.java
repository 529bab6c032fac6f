package org.triggerpoint.clinic.events.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A user's login name: lower-case letters, digits, dots, dashes and underscores, 3 to 64 characters. */
public record Username(@JsonValue String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Username {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a username is 3 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter");
        }
    }

    /** Axon takes the aggregate identifier from toString(): the bare name. */
    @Override
    public String toString() {
        return value;
    }
}
