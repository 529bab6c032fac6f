package org.triggerpoint.clinic.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Words a clinician or client wrote: notes, descriptions, reasons. Always personal data, because
 * free text can name or describe the client. Stored as a plain JSON string.
 */
@PersonalData
public record FreeText(@JsonValue String text) {

    public static final int MAX_LENGTH = 10_000;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FreeText {
        if (text == null) {
            throw new IllegalArgumentException("free text must not be null");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("free text is longer than " + MAX_LENGTH + " characters");
        }
    }

    /** The text, or null for an absent optional field. */
    public static FreeText ofNullable(String text) {
        return text == null ? null : new FreeText(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
