package org.triggerpoint.clinic.query.projections;

import java.time.Duration;

/**
 * How often the views are woken for new events while commits stream in: at most once per {@code interval} on average,
 * with up to {@code burst} wake-ups at once after a quiet spell (the generic cell rate algorithm, as a token bucket of
 * {@code burst} wake-ups refilled one per interval). A therapist's command or two after a pause reach the views at
 * once; at a few hundred commits a second, each wake-up brings the views the several events stored since the last,
 * and each view commits them in one transaction per segment instead of one per event.
 */
final class WakeUpPace {

    private final long intervalNanos;
    private final long burstNanos;
    /** When the next wake-up would fall if they came at the steady pace (the algorithm's theoretical arrival time). */
    private long due;

    /**
     * @param interval the steady pace's time between wake-ups; zero wakes the views at every commit
     * @param burst    how many wake-ups may come at once after a quiet spell, at least one
     * @param now      the time, as {@link System#nanoTime()}
     */
    WakeUpPace(Duration interval, int burst, long now) {
        if (interval.isNegative() || burst < 1) {
            throw new IllegalArgumentException("The views' wake-up interval cannot be negative, nor the burst below one");
        }
        this.intervalNanos = interval.toNanos();
        this.burstNanos = (burst - 1) * intervalNanos;
        this.due = now;
    }

    /** How long from {@code now} the next wake-up has to wait (zero: none); the wake-up is counted as given then. */
    long delayOfNext(long now) {
        due = Math.max(due, now);
        long delay = Math.max(0, due - burstNanos - now);
        due += intervalNanos;
        return delay;
    }
}
