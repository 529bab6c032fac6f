package org.triggerpoint.clinic.query.outcomes;

import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.outcomes.SessionOutcome.reachesMcid;

class SessionOutcomeTest {

    private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID THERAPIST = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    private final SessionOutcome started = SessionOutcome.started(CLIENT, THERAPIST, MARCH);

    @Test
    void aSessionReducingPainByTwoPointsReachesTheMcid() {
        assertThat(reachesMcid(8, 6)).isTrue();
        assertThat(reachesMcid(8, 7)).isFalse();
    }

    @Test
    void aReductionOfThirtyPercentReachesTheMcidEvenBelowTwoPoints() {
        assertThat(reachesMcid(3, 2)).as("1 of 3 points is 33 %").isTrue();
        assertThat(reachesMcid(4, 3)).as("1 of 4 points is 25 %").isFalse();
    }

    @Test
    void withNoPainBeforeTheSessionOnlyTheTwoPointRuleApplies() {
        assertThat(reachesMcid(0, 0)).isFalse();
    }

    @Test
    void morePainAfterTheSessionNeverReachesTheMcid() {
        assertThat(reachesMcid(3, 5)).isFalse();
    }

    @Test
    void anUnsignedSessionCountsNowhere() {
        SessionOutcome assessed = started.assessed(7).withTriggerPointIn(Muscle.UPPER_TRAPEZIUS);

        assertThat(assessed.totals()).isEqualTo(OutcomeTotals.NONE);
        assertThat(assessed.groups()).isEmpty();
    }

    @Test
    void aSignedSessionCountsOnceInEachOfItsGroups() {
        SessionOutcome signed = started.assessed(7)
                .withTriggerPointIn(Muscle.UPPER_TRAPEZIUS)
                .withTriggerPointIn(Muscle.UPPER_TRAPEZIUS)
                .withReleaseBy(PressureTechnique.STATIC)
                .withReleaseBy(PressureTechnique.STATIC)
                .completed(3, Set.of(PresentingCondition.NECK_SHOULDER_OR_JAW_TENSION));

        assertThat(signed.groups()).containsExactly(
                new GroupKey(Grouping.CONDITION, "NECK_SHOULDER_OR_JAW_TENSION", MARCH),
                new GroupKey(Grouping.MONTH, "2025-03", MARCH),
                new GroupKey(Grouping.MUSCLE, "UPPER_TRAPEZIUS", MARCH),
                new GroupKey(Grouping.PRESSURE, "STATIC", MARCH),
                new GroupKey(Grouping.THERAPIST, THERAPIST.toString(), MARCH));
        assertThat(signed.totals()).isEqualTo(new OutcomeTotals(1, 4, 1, 0, 0));
    }

    @Test
    void anAmendedPostSessionScoreChangesTheReduction() {
        SessionOutcome signed = started.assessed(7).completed(6, Set.of());
        assertThat(signed.totals()).isEqualTo(new OutcomeTotals(1, 1, 0, 0, 0));

        SessionOutcome amended = signed.amended(null, 4);

        assertThat(amended.totals()).isEqualTo(new OutcomeTotals(1, 3, 1, 0, 0));
    }

    @Test
    void anAmendedPainScoreChangesTheReduction() {
        SessionOutcome amended = started.assessed(7).completed(6, Set.of()).amended(9, null);

        assertThat(amended.totals()).isEqualTo(new OutcomeTotals(1, 3, 1, 0, 0));
    }

    @Test
    void sorenessReportedAfterCompletionCounts() {
        SessionOutcome signed = started.assessed(5).completed(3, Set.of());

        assertThat(signed.withSorenessReport(24, 3, false).totals()).isEqualTo(new OutcomeTotals(1, 2, 1, 1, 0));
    }

    @Test
    void sorenessOfSeverityZeroIsNoSoreness() {
        SessionOutcome signed = started.assessed(5).completed(3, Set.of());

        assertThat(signed.withSorenessReport(24, 0, true).totals().soreSessions()).isZero();
    }

    @Test
    void sorenessIsResolvedWithin48HoursByAReportSayingSoAt48HoursOrEarlier() {
        SessionOutcome sore = started.assessed(5).completed(3, Set.of()).withSorenessReport(12, 4, false);

        assertThat(sore.withSorenessReport(48, 0, true).totals().resolvedWithin48hSessions()).isOne();
        assertThat(sore.withSorenessReport(49, 0, true).totals().resolvedWithin48hSessions()).isZero();
        assertThat(sore.withSorenessReport(30, 2, false).totals().resolvedWithin48hSessions()).isZero();
    }

    @Test
    void aResolutionCountsOnlyForASessionThatWasSore() {
        SessionOutcome resolvedWithoutSoreness = started.assessed(5).completed(3, Set.of())
                .withSorenessReport(24, 0, true);
        assertThat(resolvedWithoutSoreness.totals().resolvedWithin48hSessions()).isZero();

        SessionOutcome soreReportedLate = resolvedWithoutSoreness.withSorenessReport(6, 3, false);
        assertThat(soreReportedLate.totals()).isEqualTo(new OutcomeTotals(1, 2, 1, 1, 1));
    }
}
