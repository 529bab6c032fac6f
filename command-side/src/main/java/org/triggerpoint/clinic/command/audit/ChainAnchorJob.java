package org.triggerpoint.clinic.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.OneNodeAtATime;

import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Anchors the event log: records a digest of every stream's head (its last event and chain hash) up to the latest
 * settled global position, so that a later check can tell a deleted stream or a cut-off tail, which a hash chain
 * alone cannot show. Once at start and then on {@code clinic.audit.anchor-schedule}, whenever events were stored
 * since the last anchor. The database writes it ({@code events.anchor_log}, migration V6) from every stream's head as
 * of the last anchor, brought forward with the events stored since, so an anchor costs what was stored since the last
 * one, not the whole log; its digest is by definition the verifier's {@code events.heads_digest}.
 * With several command-side nodes, one anchors at a time (the others skip that run), so no position is anchored twice.
 */
@Component
class ChainAnchorJob {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchorJob.class);
    /** The appends in flight did not end in time ({@code lock_not_available}, as a lock timeout reports it). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int SETTLING_TRIES = 3;
    private static final long PAUSE_BETWEEN_TRIES_MILLIS = 1_000;

    private final JdbcClient jdbc;
    private final OneNodeAtATime oneNode;

    ChainAnchorJob(JdbcClient jdbc, OneNodeAtATime oneNode) {
        this.jdbc = jdbc;
        this.oneNode = oneNode;
    }

    @EventListener(ApplicationReadyEvent.class)
    void anchorAtStart() {
        anchorTheLog();
    }

    @Scheduled(cron = "${clinic.audit.anchor-schedule}")
    void anchorOnSchedule() {
        anchorTheLog();
    }

    /**
     * The new anchor's id; empty when no event was stored since the last anchor, another node is anchoring, or the
     * event table could not be settled in a few tries (migration V10), in which case the next run anchors it.
     */
    Optional<Long> anchorTheLog() {
        return oneNode.run("chain-anchor", this::anchorAlone).flatMap(anchor -> anchor);
    }

    private Optional<Long> anchorAlone() {
        OptionalLong settled = settledPosition();
        if (settled.isEmpty()) {
            log.info("The event log was not anchored this time: in each of {} tries, appends in flight on the event "
                    + "table did not end within a second; the next run anchors it", SETTLING_TRIES);
            return Optional.empty();
        }
        long position = settled.getAsLong();
        // Null (so empty) when an anchor at or beyond that position exists: nothing was stored since.
        Optional<Long> anchor = jdbc.sql("select events.anchor_log(?)")
                .param(position)
                .query(Long.class)
                .optional();
        anchor.ifPresent(id -> log.debug("Anchored the event log at global position {} (anchor {})", position, id));
        return anchor;
    }

    /**
     * The latest settled position; empty when the event table could not be settled in a few tries. Each try waits
     * for the appends in flight as it reads the position, at most a second (migration V10); appends go on meanwhile.
     */
    private OptionalLong settledPosition() {
        for (int tried = 1; ; tried++) {
            try {
                // Its own statement, and so its own transaction: it holds no snapshot open between tries.
                return OptionalLong.of(jdbc.sql("select events.settled_position()").query(Long.class).single());
            } catch (DataAccessException failed) {
                if (!(failed.getMostSpecificCause() instanceof SQLException cause)
                        || !LOCK_NOT_AVAILABLE.equals(cause.getSQLState())) {
                    throw failed;
                }
                if (tried == SETTLING_TRIES || !pausedBeforeTryingAgain()) {
                    return OptionalLong.empty();
                }
            }
        }
    }

    private static boolean pausedBeforeTryingAgain() {
        try {
            Thread.sleep(PAUSE_BETWEEN_TRIES_MILLIS);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
