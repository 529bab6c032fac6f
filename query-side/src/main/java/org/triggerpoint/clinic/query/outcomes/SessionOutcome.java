package org.triggerpoint.clinic.query.outcomes;

import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one session contributes to outcome analytics, as its record stands: the scores after any amendment, whether
 * soreness followed, and the groups it belongs to. Nothing that identifies the client beyond an id used to count
 * distinct clients; no names, no notes.
 *
 * @param conditions the client's presenting conditions from the intake in force when the session was signed;
 *                   empty before signing
 */
record SessionOutcome(UUID clientId, UUID therapistId, YearMonth startedMonth, Integer painScore,
                      Integer postSessionPainScore, boolean completed, boolean sore, boolean resolvedWithin48h,
                      Set<Muscle> muscles, Set<PressureTechnique> pressures, Set<PresentingCondition> conditions) {

    /** Soreness counts from this severity (0–10) on; a report of 0 says there is none. */
    static final int SORE_FROM_SEVERITY = 1;
    static final int RESOLUTION_WINDOW_HOURS = 48;
    static final int MCID_POINTS = 2;
    static final int MCID_PERCENT = 30;

    SessionOutcome {
        muscles = copyOf(muscles, Muscle.class);
        pressures = copyOf(pressures, PressureTechnique.class);
        conditions = copyOf(conditions, PresentingCondition.class);
    }

    static SessionOutcome started(UUID clientId, UUID therapistId, YearMonth startedMonth) {
        return new SessionOutcome(clientId, therapistId, startedMonth, null, null, false, false, false,
                Set.of(), Set.of(), Set.of());
    }

    SessionOutcome assessed(int painScore) {
        return new SessionOutcome(clientId, therapistId, startedMonth, painScore, postSessionPainScore, completed,
                sore, resolvedWithin48h, muscles, pressures, conditions);
    }

    SessionOutcome withTriggerPointIn(Muscle muscle) {
        return new SessionOutcome(clientId, therapistId, startedMonth, painScore, postSessionPainScore, completed,
                sore, resolvedWithin48h, with(muscles, muscle), pressures, conditions);
    }

    SessionOutcome withReleaseBy(PressureTechnique pressure) {
        return new SessionOutcome(clientId, therapistId, startedMonth, painScore, postSessionPainScore, completed,
                sore, resolvedWithin48h, muscles, with(pressures, pressure), conditions);
    }

    /** Signed, with the client's conditions as their latest intake gave them at that moment. */
    SessionOutcome completed(int postSessionPainScore, Set<PresentingCondition> clientConditions) {
        return new SessionOutcome(clientId, therapistId, startedMonth, painScore, postSessionPainScore, true,
                sore, resolvedWithin48h, muscles, pressures, clientConditions);
    }

    /**
     * A soreness report: the session counts as followed by soreness once any report has a severity of at least 1, and
     * as resolved within 48 hours once any report says resolved at 48 hours or earlier (that report may well have
     * severity 0: "it is gone").
     */
    SessionOutcome withSorenessReport(int hoursAfterSession, int severity, boolean resolved) {
        return new SessionOutcome(clientId, therapistId, startedMonth, painScore, postSessionPainScore, completed,
                sore || severity >= SORE_FROM_SEVERITY,
                resolvedWithin48h || (resolved && hoursAfterSession <= RESOLUTION_WINDOW_HOURS),
                muscles, pressures, conditions);
    }

    /** An amendment's corrected scores take the place of the recorded ones; null where it corrects nothing. */
    SessionOutcome amended(Integer correctedPainScore, Integer correctedPostSessionPainScore) {
        return new SessionOutcome(clientId, therapistId, startedMonth,
                correctedPainScore != null ? correctedPainScore : painScore,
                correctedPostSessionPainScore != null ? correctedPostSessionPainScore : postSessionPainScore,
                completed, sore, resolvedWithin48h, muscles, pressures, conditions);
    }

    /** Pain reduction in NPRS points, positive when pain went down. */
    int painReduction() {
        return painScore - postSessionPainScore;
    }

    /**
     * The minimal clinically important difference for NPRS: a reduction of at least 2 points or at least 30 % of the
     * pain before the session. With no pain before, only the 2-point rule applies (and cannot be met).
     */
    static boolean reachesMcid(int painScore, int postSessionPainScore) {
        int reduction = painScore - postSessionPainScore;
        return reduction >= MCID_POINTS || (painScore > 0 && reduction * 100 >= painScore * MCID_PERCENT);
    }

    /** What this session adds to each of its groups: nothing until it is signed. */
    OutcomeTotals totals() {
        if (!completed) {
            return OutcomeTotals.NONE;
        }
        return new OutcomeTotals(1, painReduction(), reachesMcid(painScore, postSessionPainScore) ? 1 : 0,
                sore ? 1 : 0, sore && resolvedWithin48h ? 1 : 0);
    }

    /** The groups this session counts in, once each; none until it is signed. */
    SortedSet<GroupKey> groups() {
        SortedSet<GroupKey> groups = new TreeSet<>();
        if (!completed) {
            return groups;
        }
        conditions.forEach(condition -> groups.add(group(Grouping.CONDITION, condition.name())));
        muscles.forEach(muscle -> groups.add(group(Grouping.MUSCLE, muscle.name())));
        pressures.forEach(pressure -> groups.add(group(Grouping.PRESSURE, pressure.name())));
        groups.add(group(Grouping.THERAPIST, therapistId.toString()));
        groups.add(group(Grouping.MONTH, startedMonth.toString()));
        return groups;
    }

    private GroupKey group(Grouping grouping, String key) {
        return new GroupKey(grouping, key, startedMonth);
    }

    private static <E extends Enum<E>> Set<E> with(Set<E> values, E value) {
        Set<E> more = EnumSet.noneOf(value.getDeclaringClass());
        more.addAll(values);
        more.add(value);
        return more;
    }

    /** Enum sets iterate in declaration order, so the stored arrays come out the same however the events arrived. */
    private static <E extends Enum<E>> Set<E> copyOf(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }
}
