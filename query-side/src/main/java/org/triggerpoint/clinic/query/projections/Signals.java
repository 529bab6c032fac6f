package org.triggerpoint.clinic.query.projections;

import java.util.concurrent.TimeUnit;

/**
 * A count of signals that threads can wait on. A waiter takes the count before it looks at what the signals are about
 * and then waits for a signal after that count, so a signal given while it looked is not missed.
 */
final class Signals {

    private long count;

    synchronized long count() {
        return count;
    }

    synchronized void signal() {
        count++;
        notifyAll();
    }

    /** Waits until a signal after {@code seen}, or the timeout; returns whether one came. */
    synchronized boolean awaitAfter(long seen, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (count == seen) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }
}
