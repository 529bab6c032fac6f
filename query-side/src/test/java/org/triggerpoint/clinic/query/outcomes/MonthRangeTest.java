package org.triggerpoint.clinic.query.outcomes;

import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.query.web.InvalidQuery;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonthRangeTest {

    @Test
    void aDateStandsForItsWholeMonth() {
        assertThat(MonthRange.of("2025-03-15", "2025-04-01"))
                .isEqualTo(new MonthRange(YearMonth.of(2025, 3), YearMonth.of(2025, 4)));
    }

    @Test
    void aMonthIsTakenAsItIs() {
        assertThat(MonthRange.of("2025-03", "2025-03")).isEqualTo(new MonthRange(YearMonth.of(2025, 3),
                YearMonth.of(2025, 3)));
    }

    @Test
    void eitherEndMayBeOpen() {
        assertThat(MonthRange.of(null, "")).isEqualTo(new MonthRange(null, null));
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        assertThatThrownBy(() -> MonthRange.of("2025-05", "2025-04-30"))
                .isInstanceOfSatisfying(InvalidQuery.class, invalid -> assertThat(invalid.field()).isEqualTo("from"))
                .hasMessageContaining("2025-05").hasMessageContaining("2025-04");
    }

    @Test
    void somethingThatIsNotADateIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> MonthRange.of("2025-01", "last spring"))
                .isInstanceOfSatisfying(InvalidQuery.class, invalid -> assertThat(invalid.field()).isEqualTo("to"))
                .hasMessageContaining("'last spring'");
        assertThatThrownBy(() -> MonthRange.of("2025-13", null))
                .isInstanceOfSatisfying(InvalidQuery.class, invalid -> assertThat(invalid.field()).isEqualTo("from"));
    }
}
