package org.triggerpoint.clinic.query.projections;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Rebuild runs reading the store at the same time keep close together, so that {@link EventPages} reads each page
 * once for all of them and a source decodes each event once for the views that read through it. Left alone they drift
 * apart within seconds (each view writes at its own pace), past the few pages kept, and each run reads and decodes
 * every event for itself; on a machine whose processors are all busy that is work taken from the others.
 * <p>
 * A run that is more than {@code lead} events ahead of another waits for it to come closer. It never waits for a run
 * further behind than {@code reach} (started much later, it shares no pages anyway), for one that has stopped moving for
 * {@code patienceNanos} (slow to commit, or failing), or for one that has left. The run furthest behind never waits,
 * so all keep moving.
 */
final class Convoy {

    private final long lead;
    private final long reach;
    private final long patienceNanos;
    private final LongSupplier nanoTime;
    private final Map<Object, Progress> runs = new HashMap<>();

    /**
     * @param lead          how many events a run may be ahead of another before it waits
     * @param reach         how far behind another run may be for a run to wait for it
     * @param patienceNanos how long a run waits for one that does not move
     * @param nanoTime      the time, as {@link System#nanoTime()}
     */
    Convoy(long lead, long reach, long patienceNanos, LongSupplier nanoTime) {
        if (lead < 0 || reach <= lead || patienceNanos <= 0) {
            throw new IllegalArgumentException("A convoy needs 0 <= lead < reach and a patience");
        }
        this.lead = lead;
        this.reach = reach;
        this.patienceNanos = patienceNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * Says that {@code run} has read the store up to {@code position} and is about to read on, and waits while it is
     * too far ahead of another (or until {@code stopped}).
     */
    synchronized void readOn(Object run, long position, BooleanSupplier stopped) throws InterruptedException {
        runs.put(run, new Progress(position, nanoTime.getAsLong()));
        notifyAll();
        long waitMillis = Math.max(1, patienceNanos / 4_000_000);
        while (!stopped.getAsBoolean() && isWaitingFor(run, position)) {
            wait(waitMillis);
        }
    }

    /** Says that {@code run} reads no more: nobody waits for it. */
    synchronized void leave(Object run) {
        runs.remove(run);
        notifyAll();
    }

    private boolean isWaitingFor(Object run, long position) {
        long now = nanoTime.getAsLong();
        for (Map.Entry<Object, Progress> other : runs.entrySet()) {
            long behind = position - other.getValue().position();
            if (other.getKey() != run && behind > lead && behind <= reach
                    && now - other.getValue().movedAt() < patienceNanos) {
                return true;
            }
        }
        return false;
    }

    private record Progress(long position, long movedAt) {
    }
}
