package org.triggerpoint.clinic.query.projections;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wake-up interval is checked when the query side starts, not found out when the views fall behind. */
class NewEventsTest {

    @Test
    void aWakeUpIntervalOfASecondOrMoreIsRefused() {
        assertThatThrownBy(() -> new NewEvents(null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clinic.views.wake-up-interval");
        assertThatThrownBy(() -> new NewEvents(null, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noIntervalAndIntervalsUnderASecondAreTaken() {
        assertThatCode(() -> new NewEvents(null, Duration.ZERO)).doesNotThrowAnyException();
        assertThatCode(() -> new NewEvents(null, Duration.ofMillis(999))).doesNotThrowAnyException();
    }
}
