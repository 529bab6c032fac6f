package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When soreness was reported, in hours after the session (up to a week). */
public record HoursAfterSession(@JsonValue int hours) {

    public static final int MIN = 0;
    public static final int MAX = 168;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public HoursAfterSession {
        if (hours < MIN || hours > MAX) {
            throw new IllegalArgumentException("hours after the session must be between " + MIN + " and " + MAX + ", was " + hours);
        }
    }
}
