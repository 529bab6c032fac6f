package org.triggerpoint.clinic.query.outcomes;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomesAnswerTest {

    @Test
    void groupsOfFewerThanFiveClientsAreSuppressed() {
        OutcomesAnswer answer = OutcomesAnswer.of(Grouping.MUSCLE, new MonthRange(null, null), List.of(
                new GroupOutcome("PIRIFORMIS", new OutcomeTotals(9, 18, 6, 3, 2), 4),
                new GroupOutcome("UPPER_TRAPEZIUS", new OutcomeTotals(5, 10, 4, 1, 1), 5)));

        assertThat(answer.rows()).extracting(OutcomesAnswer.Row::key).containsExactly("UPPER_TRAPEZIUS");
        assertThat(answer.suppressedGroups()).isOne();
    }

    @Test
    void aRowGivesMeansAndRatesOfItsTotals() {
        OutcomesAnswer answer = OutcomesAnswer.of(Grouping.CONDITION, new MonthRange(null, null), List.of(
                new GroupOutcome("RESTRICTED_MOBILITY", new OutcomeTotals(6, 16, 5, 3, 2), 6)));

        assertThat(answer.rows()).containsExactly(
                new OutcomesAnswer.Row("RESTRICTED_MOBILITY", 6, 6, 2.67, 0.833, 0.5, 0.667));
    }

    @Test
    void withoutSorenessTheResolvedRateIsNull() {
        OutcomesAnswer answer = OutcomesAnswer.of(Grouping.MONTH, new MonthRange(null, null), List.of(
                new GroupOutcome("2025-04", new OutcomeTotals(5, 5, 1, 0, 0), 5)));

        assertThat(answer.rows().get(0).sorenessRate()).isZero();
        assertThat(answer.rows().get(0).sorenessResolvedWithin48hRate()).isNull();
    }

    @Test
    void theAnswerNamesItsGroupingAndMonths() {
        OutcomesAnswer answer = OutcomesAnswer.of(Grouping.THERAPIST,
                new MonthRange(YearMonth.of(2025, 1), null), List.of());

        assertThat(answer.groupBy()).isEqualTo("therapist");
        assertThat(answer.from()).isEqualTo("2025-01");
        assertThat(answer.to()).isNull();
    }
}
