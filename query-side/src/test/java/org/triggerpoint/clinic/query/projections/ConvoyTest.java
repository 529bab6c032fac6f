package org.triggerpoint.clinic.query.projections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuild runs under way together keep within a lead of each other, and never wait for one that cannot come. */
class ConvoyTest {

    private static final long LEAD = 10;
    private static final long REACH = 100;
    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final AtomicLong now = new AtomicLong();
    private final Convoy convoy = new Convoy(LEAD, REACH, PATIENCE_NANOS, now::get);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Object behind = "outcomes";
    private final Object ahead = "audit";

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRunTooFarAheadWaitsUntilTheRunBehindComesWithinTheLead() throws Exception {
        convoy.readOn(behind, 0, () -> false);

        CompletableFuture<Void> readingOn = readOn(ahead, 20, new AtomicBoolean());

        assertWaiting(readingOn);
        convoy.readOn(behind, 5, () -> false);
        assertWaiting(readingOn);
        convoy.readOn(behind, 10, () -> false);
        readingOn.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRunWithinTheLeadReadsOn() throws Exception {
        convoy.readOn(behind, 0, () -> false);

        readOn(ahead, LEAD, new AtomicBoolean()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theRunFurthestBehindNeverWaits() throws Exception {
        convoy.readOn(ahead, 50, () -> false);

        readOn(behind, 0, new AtomicBoolean()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRunDoesNotWaitForOneBeyondItsReach() throws Exception {
        convoy.readOn(behind, 0, () -> false);

        readOn(ahead, REACH + 1, new AtomicBoolean()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRunStopsWaitingForOneThatLeaves() throws Exception {
        convoy.readOn(behind, 0, () -> false);
        CompletableFuture<Void> readingOn = readOn(ahead, 20, new AtomicBoolean());
        assertWaiting(readingOn);

        convoy.leave(behind);

        readingOn.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRunStopsWaitingForOneThatHasNotMovedForItsPatience() throws Exception {
        convoy.readOn(behind, 0, () -> false);
        CompletableFuture<Void> readingOn = readOn(ahead, 20, new AtomicBoolean());
        now.addAndGet(PATIENCE_NANOS - 1);
        assertWaiting(readingOn);

        now.addAndGet(1);

        readingOn.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aStoppedRunStopsWaiting() throws Exception {
        convoy.readOn(behind, 0, () -> false);
        AtomicBoolean stopped = new AtomicBoolean();
        CompletableFuture<Void> readingOn = readOn(ahead, 20, stopped);
        assertWaiting(readingOn);

        stopped.set(true);

        readingOn.get(5, TimeUnit.SECONDS);
    }

    private CompletableFuture<Void> readOn(Object run, long position, AtomicBoolean stopped) {
        return CompletableFuture.runAsync(() -> {
            try {
                convoy.readOn(run, position, stopped::get);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }, threads);
    }

    /** Still waiting after a while: several of the convoy's own checks (a quarter of its patience apart). */
    private static void assertWaiting(CompletableFuture<Void> readingOn) throws InterruptedException {
        Thread.sleep(300);
        assertThat(readingOn).as("waiting for the run behind").isNotDone();
    }
}
