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
 * since the last anchor. The digest is the database's own {@code events.heads_digest}, the one the verifier uses.
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
        Optional<Long> anchor = jdbc.sql("""
                        insert into events.chain_anchor (global_position, streams, heads_digest)
                        select :position,
                               (select count(distinct aggregate_identifier) from events.domain_event_entry
                                where global_index <= :position),
                               events.heads_digest(:position)
                        where not exists (select 1 from events.chain_anchor where global_position >= :position)
                        returning anchor_id""")
                .param("position", position)
                .query(Long.class)
                .optional();
        anchor.ifPresent(id -> log.debug("Anchored the event log at global position {} (anchor {})", position, id));
        return anchor;
    }
}
