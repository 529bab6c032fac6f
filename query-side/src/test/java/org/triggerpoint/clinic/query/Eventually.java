package org.triggerpoint.clinic.query;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for what the views do in the background: the test fails when it has not happened within a bound. */
public final class Eventually {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Waits until {@code condition} holds, checking every 50 ms, at most 30 s. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, BOUND, condition);
    }

    /** Waits until {@code condition} holds, checking every 50 ms, at most {@code bound}. */
    public static void await(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", bound, what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
