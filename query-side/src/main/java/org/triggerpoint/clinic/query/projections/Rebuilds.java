package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Rebuilds a view from the first event: its processor stops, its tables are emptied and its tokens reset in one
 * transaction (so a crash leaves either the old view or an empty one that will be rebuilt, never a half-reset
 * one), and it is read again from the beginning: up to where the store stood by a {@link RebuildRuns run} of its own,
 * then by its processor again. Until it has read as far as the store reached when the rebuild
 * began, the view answers that it is being rebuilt instead of serving an incomplete record. The rebuild under way is
 * kept in {@code query.view_rebuild}, written in that same transaction, so this holds after a restart too: a process
 * killed in the middle of a rebuild comes back refusing the view until the rebuild is over.
 * <p>
 * Only one query-side node may do it: a reset needs every segment's claim, and the other nodes would go on serving
 * (and building) the view they hold in memory. With other nodes alive the rebuild is refused, saying so; stop them,
 * rebuild, start them again.
 */
@Service
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ViewPositions positions;
    private final ProcessingNodes nodes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<View, Rebuild> rebuilds = new ConcurrentHashMap<>();
    /** Views whose processor is stopping or resetting: their tokens still show the old view, not the rebuild. */
    private final Set<View> resetting = ConcurrentHashMap.newKeySet();
    private final Map<View, ReadWriteLock> answeringOrResetting = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final RebuildSegments segments;
    private final RebuildRuns runs;
    private volatile boolean unfinishedRebuildsRead;

    Rebuilds(ViewPositions positions, ProcessingNodes nodes, TransactionTemplate transaction, Clock clock,
             JdbcClient jdbc, RebuildSegments segments, RebuildRuns runs) {
        this.positions = positions;
        this.nodes = nodes;
        this.transaction = transaction;
        this.clock = clock;
        this.jdbc = jdbc;
        this.segments = segments;
        this.runs = runs;
    }

    public record Rebuild(Instant startedAt, long targetPosition) {
    }

    public record Progress(String view, String state, long eventsDone, long eventsTotal, Instant startedAt) {
    }

    public synchronized Progress rebuild(View view) {
        int liveNodes = nodes.liveNodes();
        if (liveNodes > 1) {
            throw new RebuildRefused(view, liveNodes - 1 + " other query-side node(s) are running");
        }
        StreamingEventProcessor processor = positions.processor(view);
        long target = positions.head().orElse(0);
        log.info("Rebuilding view {} from the first event up to position {}", view.processorName(), target);
        // To the microsecond, as PostgreSQL keeps it, so the row can be found by it again.
        Rebuild rebuild = new Rebuild(clock.instant().truncatedTo(ChronoUnit.MICROS), target);
        resetting.add(view);
        rebuilds.put(view, rebuild);
        boolean tokensReset = false;
        try {
            runs.stop(view); // a rebuild of the view still under way gives way to this one
            processor.shutDown();
            Lock reset = lock(view).writeLock();
            reset.lock();
            try {
                transaction.executeWithoutResult(status -> {
                    processor.resetTokens();
                    segments.narrowToOne(view);
                    remember(view, rebuild);
                });
                tokensReset = true;
            } catch (UnableToClaimTokenException heldElsewhere) {
                rebuilds.remove(view);
                throw new RebuildRefused(view, "another query-side node still holds some of its segments");
            } finally {
                reset.unlock();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the rebuild under way stopped", stopping);
        } finally {
            resetting.remove(view);
            if (tokensReset) {
                runs.start(view, processor, target);
            } else {
                processor.start();
            }
        }
        return progress(view);
    }

    /**
     * Held while a request is answered from the view, so that a rebuild never empties its tables under an answer that
     * was let through just before the rebuild began; check {@link #isRebuilding} again once it is held.
     */
    public Lock answering(View view) {
        return lock(view).readLock();
    }

    private ReadWriteLock lock(View view) {
        return answeringOrResetting.computeIfAbsent(view, any -> new ReentrantReadWriteLock());
    }

    public boolean isRebuilding(View view) {
        readUnfinishedRebuilds();
        Rebuild rebuild = rebuilds.get(view);
        if (rebuild == null) {
            return false;
        }
        if (resetting.contains(view)) {
            return true;
        }
        if (rebuild.targetPosition() == 0 || positions.includes(view, rebuild.targetPosition())) {
            forget(view, rebuild);
            if (rebuilds.remove(view, rebuild)) {
                log.info("View {} rebuilt up to position {}", view.processorName(), rebuild.targetPosition());
                restoreSegments(view);
            }
            return false;
        }
        return true;
    }

    /** At start-up: a view rebuilt by a previous run that did not finish splitting it is split now. */
    @EventListener(ApplicationReadyEvent.class)
    void splitViewsRebuiltBefore() {
        for (View view : View.values()) {
            if (!isRebuilding(view)) {
                restoreSegments(view);
            }
        }
    }

    /** Into its segments again, unless a new rebuild of the view begins meanwhile. */
    private void restoreSegments(View view) {
        segments.restore(view, positions.processor(view), () -> !rebuilds.containsKey(view));
    }

    public Progress progress(View view) {
        readUnfinishedRebuilds();
        long done = positions.lowestPosition(view).orElse(0L);
        Rebuild rebuild = rebuilds.get(view);
        if (rebuild != null && isRebuilding(view)) {
            return new Progress(view.processorName(), "REBUILDING", Math.min(done, rebuild.targetPosition()),
                    rebuild.targetPosition(), rebuild.startedAt());
        }
        long head = positions.head().orElse(0);
        return new Progress(view.processorName(), done >= head ? "UP_TO_DATE" : "CATCHING_UP", done, head,
                rebuild == null ? null : rebuild.startedAt());
    }

    private void remember(View view, Rebuild rebuild) {
        jdbc.sql("""
                        insert into query.view_rebuild (view_name, target_position, started_at) values (?, ?, ?)
                        on conflict (view_name) do update
                        set target_position = excluded.target_position, started_at = excluded.started_at""")
                .params(view.processorName(), rebuild.targetPosition(), Timestamp.from(rebuild.startedAt()))
                .update();
    }

    private void forget(View view, Rebuild rebuild) {
        jdbc.sql("delete from query.view_rebuild where view_name = ? and started_at = ?")
                .params(view.processorName(), Timestamp.from(rebuild.startedAt()))
                .update();
    }

    /** Once per process, on first use: the rebuilds a previous run began and did not see through. */
    private void readUnfinishedRebuilds() {
        if (unfinishedRebuildsRead) {
            return;
        }
        synchronized (this) {
            if (unfinishedRebuildsRead) {
                return;
            }
            jdbc.sql("select view_name, target_position, started_at from query.view_rebuild")
                    .query((rs, row) -> Map.entry(rs.getString("view_name"),
                            new Rebuild(rs.getTimestamp("started_at").toInstant(), rs.getLong("target_position"))))
                    .list()
                    .forEach(unfinished -> View.named(unfinished.getKey())
                            .ifPresent(view -> rebuilds.putIfAbsent(view, unfinished.getValue())));
            unfinishedRebuildsRead = true;
        }
    }
}
