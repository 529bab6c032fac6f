package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Pain on the Numeric Pain Rating Scale (NPRS): 0 no pain, 10 the worst imaginable. */
public record PainScore(@JsonValue int points) {

    public static final int MIN = 0;
    public static final int MAX = 10;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PainScore {
        if (points < MIN || points > MAX) {
            throw new IllegalArgumentException("an NPRS pain score must be between " + MIN + " and " + MAX + ", was " + points);
        }
    }

    /** Pain reduction from this score to a later one: positive when pain went down. */
    public int reductionTo(PainScore later) {
        return points - later.points;
    }
}
