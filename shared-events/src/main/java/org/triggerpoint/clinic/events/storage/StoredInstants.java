package org.triggerpoint.clinic.events.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the times stored in events ({@code 2026-11-27T07:01:49.733351Z}, as {@link Instant#toString()} writes them)
 * without a {@link java.time.format.DateTimeFormatter}: every event carries one, and the formatter's general parser
 * took a sixteenth of a rebuild's CPU (JFR). The query side's history documents store their times the same way. Any
 * other form (an offset, a number, a leap second, a text that is not a time at all) goes to Jackson's own reader, with
 * its answers and its errors.
 */
public final class StoredInstants extends JsonDeserializer<Instant> {

    private static final int SECONDS_PER_DAY = 86_400;

    /** The module that reads {@link Instant}s this way; register it after Jackson's {@code JavaTimeModule}. */
    public static SimpleModule module() {
        return new SimpleModule("StoredInstants").addDeserializer(Instant.class, new StoredInstants());
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant read = parse(parser.getText());
            if (read != null) {
                return read;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /**
     * The instant {@code text} writes in the stored form {@code uuuu-MM-ddTHH:mm:ss[.f…]Z}; null for any other. Also
     * the form in which Axon stores an event's own time (the query side's page reader uses it).
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int scale = fractionDigits; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written in {@code text} from {@code start} up to {@code end}; -1 unless all are ASCII digits. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
