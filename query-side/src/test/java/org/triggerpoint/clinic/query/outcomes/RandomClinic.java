package org.triggerpoint.clinic.query.outcomes;

import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A clinic's worth of records from a seed: clients with intakes (some changing later), sessions that are assessed,
 * find and release trigger points, are mostly signed, then get soreness reports and now and then an amendment, and some
 * that are never finished. The clients' records are interleaved in the store, as therapists work side by side.
 */
final class RandomClinic {

    /** Few enough muscles that most groups have five clients or more. */
    private static final List<Muscle> MUSCLES = List.of(Muscle.UPPER_TRAPEZIUS, Muscle.LEVATOR_SCAPULAE,
            Muscle.STERNOCLEIDOMASTOID, Muscle.INFRASPINATUS, Muscle.QUADRATUS_LUMBORUM, Muscle.GLUTEUS_MINIMUS,
            Muscle.PIRIFORMIS, Muscle.TEMPORALIS, Muscle.SCALENES, Muscle.RHOMBOIDS);
    private static final Instant OPENING = Instant.parse("2024-01-08T08:00:00Z");

    private final Random random;
    private final ClinicRecords records;
    private final List<TherapistId> therapists = new ArrayList<>();

    RandomClinic(long seed, ClinicRecords records) {
        this.random = new Random(seed);
        this.records = records;
        for (int i = 0; i < 6; i++) {
            therapists.add(new TherapistId(new UUID(random.nextLong(), random.nextLong())));
        }
    }

    /** Records {@code clientCount} clients' records, interleaved step by step in a random order. */
    void record(int clientCount) {
        List<Deque<Runnable>> clientSteps = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            clientSteps.add(stepsOfOneClient(i));
        }
        while (!clientSteps.isEmpty()) {
            int next = random.nextInt(clientSteps.size());
            clientSteps.get(next).removeFirst().run();
            if (clientSteps.get(next).isEmpty()) {
                clientSteps.remove(next);
            }
        }
    }

    private Deque<Runnable> stepsOfOneClient(int number) {
        Deque<Runnable> steps = new ArrayDeque<>();
        ClientId client = new ClientId(new UUID(random.nextLong(), random.nextLong()));
        Instant registered = OPENING.plus(Duration.ofDays(random.nextInt(400)));
        Set<PresentingCondition> firstConditions = someConditions();
        LocalDate dateOfBirth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        steps.add(() -> records.registerClient(client, "Client" + number, "Family" + number, dateOfBirth, registered,
                firstConditions));
        int sessionCount = 1 + random.nextInt(5);
        int newIntakeBefore = random.nextInt(4) == 0 ? random.nextInt(sessionCount) : -1;
        Instant day = registered;
        for (int s = 0; s < sessionCount; s++) {
            day = day.plus(Duration.ofDays(3 + random.nextInt(40)));
            if (s == newIntakeBefore) {
                Instant at = day.minusSeconds(3600);
                Set<PresentingCondition> conditions = someConditions();
                steps.add(() -> records.intake(client, at, conditions));
            }
            // Now and then a session is recorded afterwards with its real, earlier start: the client's months in a
            // group then grow in the middle, not only at the end.
            Instant start = random.nextInt(6) == 0 ? day.minus(Duration.ofDays(30 + random.nextInt(90))) : day;
            stepsOfOneSession(client, start, steps);
        }
        return steps;
    }

    private void stepsOfOneSession(ClientId client, Instant start, Deque<Runnable> steps) {
        SessionId session = new SessionId(new UUID(random.nextLong(), random.nextLong()));
        TherapistId therapist = therapists.get(random.nextInt(therapists.size()));
        steps.add(() -> records.startSession(client, session, therapist, start));
        if (random.nextInt(12) == 0) {
            return; // started, never assessed
        }
        int painScore = random.nextInt(11);
        steps.add(() -> records.assess(session, client, painScore, start.plusSeconds(300)));
        int triggerPoints = random.nextInt(4);
        for (int t = 0; t < triggerPoints; t++) {
            Muscle muscle = MUSCLES.get(random.nextInt(MUSCLES.size()));
            TriggerPointId triggerPoint = new TriggerPointId(new UUID(random.nextLong(), random.nextLong()));
            Instant found = start.plusSeconds(600L + 120L * t);
            steps.add(() -> records.identify(session, client, triggerPoint, muscle, Side.LEFT, found));
            if (random.nextInt(10) < 7) {
                PressureTechnique pressure = random.nextBoolean() ? PressureTechnique.STATIC
                        : PressureTechnique.INCREMENTAL;
                steps.add(() -> records.release(session, client, triggerPoint, pressure, found.plusSeconds(90)));
            }
        }
        if (random.nextBoolean()) {
            steps.add(() -> records.applyTechnique(session, client, start.plusSeconds(1800)));
        }
        if (random.nextInt(10) == 0) {
            return; // never signed
        }
        int postSessionPainScore = Math.max(0, Math.min(10, painScore - random.nextInt(6) + random.nextInt(2)));
        Instant signed = start.plusSeconds(3600);
        steps.add(() -> records.complete(session, client, postSessionPainScore, signed));
        int reports = random.nextInt(3);
        for (int r = 0; r < reports; r++) {
            int hours = 6 + random.nextInt(80);
            int severity = random.nextInt(6);
            boolean resolved = random.nextInt(3) > 0;
            steps.add(() -> records.reportSoreness(session, client, hours, severity, resolved,
                    signed.plus(Duration.ofHours(hours))));
        }
        if (random.nextInt(8) == 0) {
            boolean correctsPainScore = random.nextBoolean();
            int corrected = random.nextInt(11);
            Instant amended = signed.plus(Duration.ofDays(4));
            steps.add(() -> records.amendScores(session, client,
                    correctsPainScore ? painScore : null, correctsPainScore ? corrected : null,
                    correctsPainScore ? null : postSessionPainScore, correctsPainScore ? null : corrected, amended));
        }
    }

    private Set<PresentingCondition> someConditions() {
        Set<PresentingCondition> conditions = EnumSet.noneOf(PresentingCondition.class);
        int count = 1 + random.nextInt(3);
        while (conditions.size() < count) {
            conditions.add(PresentingCondition.values()[random.nextInt(PresentingCondition.values().length)]);
        }
        return conditions;
    }
}
