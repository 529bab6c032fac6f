package org.triggerpoint.clinic.command.client;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/** How long a client's records are kept after their last session (or registration), e.g. seven years. */
public record RetentionPeriod(Period period) {

    public RetentionPeriod {
        Objects.requireNonNull(period, "retention period");
        if (period.isNegative()) {
            throw new IllegalArgumentException("a retention period cannot be negative");
        }
    }

    public Instant endsAfter(Instant lastActivity) {
        return lastActivity.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }

    /** Records whose last activity is before this instant are past their retention period at {@code now}. */
    public Instant lastActivityDueBy(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }
}
