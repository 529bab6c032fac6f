package org.triggerpoint.clinic.query.outcomes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTotalsTest {

    @Test
    void totalsAddAndSubtractFieldByField() {
        OutcomeTotals group = new OutcomeTotals(10, 25, 7, 4, 3);
        OutcomeTotals session = new OutcomeTotals(1, 3, 1, 1, 0);

        assertThat(group.plus(session)).isEqualTo(new OutcomeTotals(11, 28, 8, 5, 3));
        assertThat(group.plus(session).minus(session)).isEqualTo(group);
    }

    @Test
    void theResolvedRateIsAShareOfTheSoreSessionsNotOfAllSessions() {
        OutcomeTotals totals = new OutcomeTotals(10, 20, 5, 4, 3);

        assertThat(totals.sorenessRate()).isEqualTo(0.4);
        assertThat(totals.sorenessResolvedWithin48hRate()).isEqualTo(0.75);
    }

    @Test
    void aMeanReductionMayBeNegative() {
        assertThat(new OutcomeTotals(3, -2, 0, 0, 0).meanPainReduction()).isEqualTo(-0.67);
    }
}
