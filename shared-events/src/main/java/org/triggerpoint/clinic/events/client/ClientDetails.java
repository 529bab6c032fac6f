package org.triggerpoint.clinic.events.client;

import org.triggerpoint.clinic.events.PersonalData;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who the client is: every field identifies them, so the whole record is personal data, stored encrypted under the
 * client's key as one value. Once that key is destroyed, events read it back as null (see {@link ClientRegistered}).
 */
@PersonalData
public record ClientDetails(String givenName, String familyName, LocalDate dateOfBirth, String email, String phone) {

    public ClientDetails {
        requireText(givenName, "given name");
        requireText(familyName, "family name");
        Objects.requireNonNull(dateOfBirth, "date of birth");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
