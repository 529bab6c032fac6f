package org.triggerpoint.clinic.query.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids, instants and numbers read from a path or query string exactly as the contract writes them. The JDK and Spring
 * are lenient in ways that turn a typo into another question: {@code UUID.fromString} takes a truncated id
 * ({@code 0-0-0-0-0}) as some other id, Spring reads an instant given as digits as epoch milliseconds and a number
 * given as {@code 0x10} or {@code #10} as hexadecimal. Here each is refused.
 */
public final class StrictValues {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,10}");

    private StrictValues() {
    }

    /** An id in its canonical 36-character form, else {@link IllegalArgumentException}. */
    public static UUID uuid(String text) {
        if (!CANONICAL_UUID.matcher(text).matches()) {
            throw new IllegalArgumentException("not an id (a UUID such as 0b6c6f1e-5d33-4f7a-9c7e-2a4d8e1f0a11)");
        }
        return UUID.fromString(text);
    }

    /** An ISO-8601 instant such as 2026-03-02T09:00:00Z, else {@link IllegalArgumentException}. */
    public static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("not an ISO instant such as 2026-03-02T09:00:00Z", notAnInstant);
        }
    }

    /** A whole number written in decimal digits that fits an int, else {@link IllegalArgumentException}. */
    public static Integer integer(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number in decimal digits");
        }
        return Integer.valueOf(text);
    }
}
