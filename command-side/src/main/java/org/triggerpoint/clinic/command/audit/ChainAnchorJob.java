package org.triggerpoint.clinic.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.OneNodeAtATime;

import java.util.Optional;

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

    /** The new anchor's id; empty when no event was stored since the last anchor, or another node is anchoring. */
    Optional<Long> anchorTheLog() {
        return oneNode.run("chain-anchor", this::anchorAlone).flatMap(anchor -> anchor);
    }

    private Optional<Long> anchorAlone() {
        // Its own statement (and so its own transaction): the lock it takes to settle the position is held briefly.
        long position = jdbc.sql("select events.settled_position()").query(Long.class).single();
        // Null (so empty) when an anchor at or beyond that position exists: nothing was stored since.
        Optional<Long> anchor = jdbc.sql("select events.anchor_log(?)")
                .param(position)
                .query(Long.class)
                .optional();
        anchor.ifPresent(id -> log.debug("Anchored the event log at global position {} (anchor {})", position, id));
        return anchor;
    }
}
