package org.triggerpoint.clinic.events.session;

import java.util.Objects;

/**
 * One range-of-motion measurement, e.g. cervical rotation to the left, 60°, active.
 * Joint and movement are short coded labels, not notes.
 */
public record RangeOfMotion(String joint, String movement, Side side, int degrees, boolean active) {

    public static final int MIN_DEGREES = 0;
    public static final int MAX_DEGREES = 360;

    public RangeOfMotion {
        Objects.requireNonNull(joint, "joint");
        Objects.requireNonNull(movement, "movement");
        if (degrees < MIN_DEGREES || degrees > MAX_DEGREES) {
            throw new IllegalArgumentException("a range of motion must be between 0 and 360 degrees, was " + degrees);
        }
    }
}
