package org.triggerpoint.clinic.query.projections;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A view is rebuilt in one segment, and split back into its segments once rebuilt. The segments are there so that
 * several nodes can share a view's events; a rebuild runs on one node alone, where four segments only cost: Axon's
 * pooled coordinator hands every event to every segment's queue, asks each segment whether it handles the event, and
 * counts the queues (an O(n) count) before every event, and each segment commits batches of its own. All three views
 * rebuilt at 6 605 events/s in one segment against 4 716 in four (quick benchmark, one run each).
 */
@Component
class RebuildSegments {

    private static final Logger log = LoggerFactory.getLogger(RebuildSegments.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration SPLIT_TIMEOUT = Duration.ofSeconds(30);

    private final TokenStore tokenStore;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final ExecutorService splitter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-segments");
        thread.setDaemon(true);
        return thread;
    });

    RebuildSegments(TokenStore tokenStore, JdbcClient jdbc, Environment environment) {
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** Stops a split under way with the application: a restart finishes it ({@code Rebuilds}). */
    @PreDestroy
    void stop() {
        splitter.shutdownNow();
    }

    /**
     * Within the transaction that reset the view's tokens (and holds every segment's claim): one segment from the
     * first event in their place.
     */
    void narrowToOne(View view) {
        String name = view.processorName();
        for (int segment : tokenStore.fetchSegments(name)) {
            tokenStore.deleteToken(name, segment);
        }
        tokenStore.initializeTokenSegments(name, 1, null);
    }

    /**
     * Splits the view's segments until it has as many as configured, in the background. Gives up when
     * {@code stillWanted} says no longer (a new rebuild began); tries again every second while this node does not
     * hold the segments yet (it has just started, or another node holds them and will split them itself).
     */
    void restore(View view, StreamingEventProcessor processor, BooleanSupplier stillWanted) {
        splitter.execute(() -> {
            try {
                while (stillWanted.getAsBoolean() && !splitOnce(view, processor)) {
                    TimeUnit.MILLISECONDS.sleep(RETRY_AFTER.toMillis());
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                log.warn("Could not split view {} back into its segments: {}", view.processorName(),
                        failed.getMessage());
            }
        });
    }

    /** Splits each segment this node holds that is wider than wanted; true once the view has all its segments. */
    private boolean splitOnce(View view, StreamingEventProcessor processor) throws InterruptedException {
        int wanted = wantedSegments(view);
        if (segments(view) >= wanted) {
            return true;
        }
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.getSegment().getMask() < wanted - 1) {
                try {
                    processor.splitSegment(status.getSegment().getSegmentId())
                            .get(SPLIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException notYet) {
                    log.debug("Splitting segment {} of {} failed: {}", status.getSegment().getSegmentId(),
                            view.processorName(), notYet.getMessage());
                }
            }
        }
        return segments(view) >= wanted;
    }

    /** As configured ({@code axon.eventhandling.processors.<view>.initial-segment-count}), a power of two. */
    int wantedSegments(View view) {
        return environment.getProperty(
                "axon.eventhandling.processors." + view.processorName() + ".initial-segment-count", Integer.class, 1);
    }

    int segments(View view) {
        try {
            return jdbc.sql("select count(*) from query.token_entry where processor_name = ?")
                    .param(view.processorName())
                    .query(Integer.class)
                    .single();
        } catch (DataAccessException unreachable) {
            return 0;
        }
    }
}
