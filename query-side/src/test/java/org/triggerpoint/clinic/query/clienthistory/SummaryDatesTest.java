package org.triggerpoint.clinic.query.clienthistory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The summaries' calendar date of an instant is its date in UTC, on either side of midnight and of the epoch. */
class SummaryDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1958-03-02T00:00:00Z",
            "2024-02-29T12:00:00Z", "2026-03-01T23:59:59.999Z", "2026-03-02T00:00:00Z",
            "2026-12-31T23:59:59.999999999Z"})
    void anInstantFallsOnItsCalendarDateInUtc(String instant) {
        Instant at = Instant.parse(instant);

        assertThat(ClientHistory.dateOf(at)).isEqualTo(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
