package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How long pressure was held on a trigger point, in seconds (typically 30–90 s, until release). */
public record HoldDuration(@JsonValue int seconds) {

    public static final int MIN = 1;
    public static final int MAX = 600;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public HoldDuration {
        if (seconds < MIN || seconds > MAX) {
            throw new IllegalArgumentException("a hold duration in seconds must be between " + MIN + " and " + MAX + ", was " + seconds);
        }
    }
}
