package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Post-session soreness on a 0–10 scale, 0 meaning none. */
public record SorenessSeverity(@JsonValue int points) {

    public static final int MIN = 0;
    public static final int MAX = 10;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SorenessSeverity {
        if (points < MIN || points > MAX) {
            throw new IllegalArgumentException("a soreness severity must be between " + MIN + " and " + MAX + ", was " + points);
        }
    }
}
