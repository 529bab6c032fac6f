package org.triggerpoint.clinic.query.projections;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event's stored time reads as Axon's own parser reads it, whatever the text. */
class EventTimestampsTest {

    @Test
    void everyTimeAxonStoresReadsAsAxonReadsIt() {
        Random random = new Random(20261203);
        for (int i = 0; i < 100_000; i++) {
            // Axon writes milliseconds: finer fractions are among the shapes below.
            String text = DateTimeUtils.formatInstant(Instant.ofEpochSecond(
                    random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000_000_000)));

            assertThat(EventTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2024-02-29T23:59:59.5Z", "2026-12-03T10:31:21.123456789Z",
            "2026-12-03T10:31:21.1234Z", "1970-01-01T00:00:00.000Z", "0001-01-01T00:00:00Z",
            "2026-12-03t10:31:21.123z", "2026-12-03T11:31:21.123+01:00", "+12026-12-03T10:31:21.123Z",
            "2026-12-03T10:31Z", "2026-12-03T10:31:21.Z"})
    void otherShapesReadAsAxonReadsThem(String text) {
        assertThat(EventTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-03T10:31:21Z", "2021-02-31T10:00:00Z", "2026-12-03T24:00:00Z", "2026-12-03T10:60:00Z",
            "2026-12-03T1a:31:21Z", "yesterday",
            "2026-12-03T10:31:21.1234567890Z"})
    void whatAxonRefusesIsRefused(String text) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> EventTimestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
