package org.triggerpoint.clinic.query.projections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A read waiting for its view hears of the view's next batch, and only of that view's. */
class ViewProgressTest {

    private final ViewProgress progress = new ViewProgress();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aReadWaitingForItsViewIsWokenByTheViewsNextBatchNotByItsTimeout() {
        long seen = progress.batches(View.CLIENT_HISTORY);
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        Future<Boolean> woken = threads.submit(() -> {
            waiting.complete(null);
            return progress.awaitBatchAfter(View.CLIENT_HISTORY, seen, 60, TimeUnit.SECONDS);
        });
        waiting.join();

        progress.batchCommitted(View.CLIENT_HISTORY);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(woken.get()).isTrue());
    }

    @Test
    void aBatchOfAnotherViewDoesNotCount() throws InterruptedException {
        long seen = progress.batches(View.AUDIT);

        progress.batchCommitted(View.OUTCOMES);

        assertThat(progress.awaitBatchAfter(View.AUDIT, seen, 20, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(progress.batches(View.AUDIT)).isEqualTo(seen);
    }

    @Test
    void aBatchCommittedSinceTheReadLookedIsNotWaitedFor() throws InterruptedException {
        long seen = progress.batches(View.OUTCOMES);

        progress.batchCommitted(View.OUTCOMES);

        assertThat(progress.awaitBatchAfter(View.OUTCOMES, seen, 0, TimeUnit.MILLISECONDS)).isTrue();
    }
}
