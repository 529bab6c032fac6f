package org.triggerpoint.clinic.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;

/** Pressure pain threshold measured by algometer, in kg/cm² (1 kg ≈ 10 N). */
public record PressurePainThreshold(@JsonValue BigDecimal kgPerSquareCentimetre) {

    public static final BigDecimal MIN = BigDecimal.ZERO;
    public static final BigDecimal MAX = BigDecimal.valueOf(20);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PressurePainThreshold {
        Objects.requireNonNull(kgPerSquareCentimetre, "pressure pain threshold");
        if (kgPerSquareCentimetre.compareTo(MIN) < 0 || kgPerSquareCentimetre.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "a pressure pain threshold must be between 0 and 20 kg/cm², was " + kgPerSquareCentimetre);
        }
    }

    public static PressurePainThreshold ofNullable(BigDecimal kgPerSquareCentimetre) {
        return kgPerSquareCentimetre == null ? null : new PressurePainThreshold(kgPerSquareCentimetre);
    }
}
