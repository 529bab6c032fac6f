package org.triggerpoint.clinic.query.outcomes;

import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.ClientInGroup;
import org.triggerpoint.clinic.query.outcomes.RollupChanges.Visit;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RollupChangesTest {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID THERAPIST = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final YearMonth APRIL = YearMonth.of(2025, 4);
    private static final YearMonth MAY = YearMonth.of(2025, 5);
    private static final GroupKey MAY_MONTH = new GroupKey(Grouping.MONTH, "2025-05", MAY);
    private static final GroupKey MAY_THERAPIST = new GroupKey(Grouping.THERAPIST, THERAPIST.toString(), MAY);
    private static final ClientInGroup ANNA_WITH_THERAPIST =
            new ClientInGroup(Grouping.THERAPIST, THERAPIST.toString(), ANNA);

    private final RollupChanges changes = new RollupChanges();

    @Test
    void signingASessionAddsItToEachOfItsGroupsWithOneSessionOfItsClient() {
        SessionOutcome assessed = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6);

        changes.record(assessed, assessed.completed(3, Set.of()));

        assertThat(changes.totals()).containsOnly(
                entry(MAY_MONTH, new OutcomeTotals(1, 3, 1, 0, 0)),
                entry(MAY_THERAPIST, new OutcomeTotals(1, 3, 1, 0, 0)));
        assertThat(changes.clientSessions()).containsOnly(
                entry(new ClientInGroup(Grouping.MONTH, "2025-05", ANNA), months(MAY, 1)),
                entry(ANNA_WITH_THERAPIST, months(MAY, 1)));
    }

    @Test
    void sorenessReportedAfterSigningMovesOnlyTheSorenessTotals() {
        SessionOutcome signed = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6).completed(3, Set.of());

        changes.record(signed, signed.withSorenessReport(20, 4, true));

        assertThat(changes.totals()).containsOnly(
                entry(MAY_MONTH, new OutcomeTotals(0, 0, 0, 1, 1)),
                entry(MAY_THERAPIST, new OutcomeTotals(0, 0, 0, 1, 1)));
        assertThat(changes.clientSessions()).as("the session was counted for its client already").isEmpty();
    }

    @Test
    void anAmendmentTakesTheOldReductionOutAndPutsTheNewOneIn() {
        SessionOutcome signed = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6).completed(5, Set.of());

        changes.record(signed, signed.amended(null, 2));

        assertThat(changes.totals()).containsEntry(MAY_MONTH, new OutcomeTotals(0, 3, 1, 0, 0));
    }

    @Test
    void aChangeThatChangesNoTotalLeavesNoRowToWrite() {
        SessionOutcome sore = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6).completed(5, Set.of())
                .withSorenessReport(10, 3, false);

        changes.record(sore, sore.withSorenessReport(30, 5, false));

        assertThat(changes.totals()).isEmpty();
        assertThat(changes.clientSessions()).isEmpty();
        assertThat(changes.visits(Map.of())).isEmpty();
    }

    @Test
    void theChangesOfABatchAddUpPerRowAndClient() {
        SessionOutcome anna = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6);
        SessionOutcome annaAgain = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(4);
        SessionOutcome ben = SessionOutcome.started(BEN, THERAPIST, MAY).assessed(8);

        changes.record(anna, anna.completed(3, Set.of()));
        changes.record(annaAgain, annaAgain.completed(4, Set.of()));
        changes.record(ben, ben.completed(2, Set.of()));

        assertThat(changes.totals()).containsEntry(MAY_MONTH, new OutcomeTotals(3, 9, 2, 0, 0));
        assertThat(changes.clientSessions())
                .containsEntry(new ClientInGroup(Grouping.MONTH, "2025-05", ANNA), months(MAY, 2))
                .containsEntry(new ClientInGroup(Grouping.MONTH, "2025-05", BEN), months(MAY, 1));
    }

    @Test
    void aClientsFirstMonthInAGroupIsAVisitWithNoPreviousMonth() {
        signInMay(ANNA);

        assertThat(changes.visits(Map.of())).containsEntry(new Visit(MAY_THERAPIST, null), 1L);
    }

    @Test
    void anotherSessionInAMonthTheClientHasAlreadyAddsNoVisit() {
        signInMay(ANNA);

        assertThat(therapistVisits(changes.visits(Map.of(ANNA_WITH_THERAPIST, months(MAY, 1))))).isEmpty();
    }

    @Test
    void aLaterMonthIsAVisitAfterTheClientsLatestMonth() {
        signInMay(ANNA);

        assertThat(therapistVisits(changes.visits(Map.of(ANNA_WITH_THERAPIST, months(MARCH, 2)))))
                .containsOnly(entry(new Visit(MAY_THERAPIST, MARCH), 1L));
    }

    @Test
    void aMonthSignedLateBetweenTwoOthersMovesTheVisitAfterIt() {
        SessionOutcome april = SessionOutcome.started(ANNA, THERAPIST, APRIL).assessed(6);
        changes.record(april, april.completed(3, Set.of()));
        SortedMap<YearMonth, Long> marchAndMay = months(MARCH, 1);
        marchAndMay.put(MAY, 1L);

        SortedMap<Visit, Long> visits = therapistVisits(changes.visits(Map.of(ANNA_WITH_THERAPIST, marchAndMay)));

        assertThat(visits).containsOnly(
                entry(new Visit(new GroupKey(Grouping.THERAPIST, THERAPIST.toString(), APRIL), MARCH), 1L),
                entry(new Visit(MAY_THERAPIST, MARCH), -1L),
                entry(new Visit(MAY_THERAPIST, APRIL), 1L));
    }

    @Test
    void aSessionThatLeavesAGroupTakesItsClientOutOfIt() {
        SessionOutcome signed = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6)
                .withTriggerPointIn(Muscle.PIRIFORMIS).completed(3, Set.of());
        SessionOutcome withoutTheMuscle = new SessionOutcome(ANNA, THERAPIST, MAY, 6, 3, true, false, false,
                Set.of(), Set.of(), Set.of());
        GroupKey piriformis = new GroupKey(Grouping.MUSCLE, "PIRIFORMIS", MAY);
        ClientInGroup annaWithPiriformis = new ClientInGroup(Grouping.MUSCLE, "PIRIFORMIS", ANNA);

        changes.record(signed, withoutTheMuscle);

        assertThat(changes.totals()).containsOnly(entry(piriformis, new OutcomeTotals(-1, -3, -1, 0, 0)));
        assertThat(changes.clientSessions()).containsOnly(entry(annaWithPiriformis, months(MAY, -1)));
        assertThat(changes.visits(Map.of(annaWithPiriformis, months(MAY, 1))))
                .containsOnly(entry(new Visit(piriformis, null), -1L));
    }

    @Test
    void aClientsMonthsInAGroupAreCountedFromTheirSignedSessions() {
        SessionOutcome march = SessionOutcome.started(ANNA, THERAPIST, MARCH).assessed(6).completed(3, Set.of());
        SessionOutcome may = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6).completed(3, Set.of());
        SessionOutcome mayAgain = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(5).completed(4, Set.of());
        SessionOutcome mayUnsigned = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(7);
        SessionOutcome bensMay = SessionOutcome.started(BEN, THERAPIST, MAY).assessed(8).completed(2, Set.of());
        SortedMap<YearMonth, Long> marchOnceMayTwice = months(MARCH, 1);
        marchOnceMayTwice.put(MAY, 2L);

        assertThat(RollupChanges.sessionsPerMonth(List.of(march, may, mayAgain, mayUnsigned, bensMay))).containsOnly(
                entry(ANNA_WITH_THERAPIST, marchOnceMayTwice),
                entry(new ClientInGroup(Grouping.THERAPIST, THERAPIST.toString(), BEN), months(MAY, 1)),
                entry(new ClientInGroup(Grouping.MONTH, "2025-03", ANNA), months(MARCH, 1)),
                entry(new ClientInGroup(Grouping.MONTH, "2025-05", ANNA), months(MAY, 2)),
                entry(new ClientInGroup(Grouping.MONTH, "2025-05", BEN), months(MAY, 1)));
    }

    @Test
    void rowsComeInOneFixedOrderWhateverTheOrderOfTheEvents() {
        SessionOutcome ben = SessionOutcome.started(BEN, THERAPIST, MAY).assessed(8)
                .withReleaseBy(PressureTechnique.STATIC);
        SessionOutcome anna = SessionOutcome.started(ANNA, THERAPIST, MAY).assessed(6)
                .withTriggerPointIn(Muscle.DELTOID);

        changes.record(ben, ben.completed(2, Set.of()));
        changes.record(anna, anna.completed(3, Set.of()));

        assertThat(changes.totals().keySet()).extracting(group -> group.grouping().parameter() + ":" + group.key())
                .containsExactly("month:2025-05", "muscle:DELTOID", "pressure:STATIC", "therapist:" + THERAPIST);
        assertThat(changes.visits(Map.of()).keySet())
                .extracting(visit -> visit.group().grouping().parameter() + ":" + visit.group().key())
                .containsExactly("month:2025-05", "muscle:DELTOID", "pressure:STATIC", "therapist:" + THERAPIST);
    }

    private void signInMay(UUID client) {
        SessionOutcome assessed = SessionOutcome.started(client, THERAPIST, MAY).assessed(6);
        changes.record(assessed, assessed.completed(3, Set.of()));
    }

    private static SortedMap<Visit, Long> therapistVisits(SortedMap<Visit, Long> visits) {
        SortedMap<Visit, Long> therapist = new TreeMap<>(visits);
        therapist.keySet().removeIf(visit -> visit.group().grouping() != Grouping.THERAPIST);
        return therapist;
    }

    private static SortedMap<YearMonth, Long> months(YearMonth month, long sessions) {
        SortedMap<YearMonth, Long> months = new TreeMap<>();
        months.put(month, sessions);
        return months;
    }
}
