package org.triggerpoint.clinic.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Words a clinician or client wrote: notes, descriptions, reasons. Always personal data, because free text can name
 * or describe the client: in a client's record it is stored encrypted under that client's key, and reads back as
 * {@link #ERASED} once the key is destroyed.
 */
@PersonalData
public record FreeText(@JsonValue String text) {

    public static final int MAX_LENGTH = 10_000;

    /** What a text reads as after its client's personal data was erased. Compare with {@link #isErased()}. */
    public static final FreeText ERASED = new FreeText("[erased]");

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

    /** True only for {@link #ERASED} itself, never for a text that happens to read the same. */
    public boolean isErased() {
        return this == ERASED;
    }

    @Override
    public String toString() {
        return text;
    }
}
