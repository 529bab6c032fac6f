package org.triggerpoint.clinic.query.projections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The query-side processes (nodes) that share the views' processors through one token store. Axon 4 has no member
 * list of its own, and a node that has not claimed a segment yet does not show in the tokens' owners, so each node
 * renews a row of its own in {@code query.processing_node} every second; the nodes seen within the claim timeout are
 * alive. A node's id is also its name as the owner of the token claims ({@code CLINIC_NODE_ID}, else the JVM's
 * {@code pid@host}).
 */
@Component
public class ProcessingNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessingNodes.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** A dead node's row is kept a while (it shows in the table who left), then dropped. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final String nodeId;
    private final Duration claimTimeout;
    private volatile int liveNodes = 1;
    private volatile boolean running;
    private ScheduledExecutorService heartbeat;

    ProcessingNodes(JdbcClient jdbc, @Value("${clinic.nodes.id:}") String nodeId,
                    @Value("${clinic.nodes.claim-timeout:5s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.nodeId = nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        this.claimTimeout = claimTimeout;
    }

    /** This node's id, as it owns token claims. */
    public String nodeId() {
        return nodeId;
    }

    /** How long a node's token claim holds without renewal; after it another node may take the segment over. */
    public Duration claimTimeout() {
        return claimTimeout;
    }

    /** The nodes alive at the last heartbeat, this one included: at least 1. */
    public int liveNodes() {
        return liveNodes;
    }

    /** Renews this node's row and counts the nodes alive; the database's clock is the only clock compared. */
    void beat() {
        try {
            jdbc.sql("""
                            insert into query.processing_node (node_id, last_seen) values (?, now())
                            on conflict (node_id) do update set last_seen = now()""")
                    .param(nodeId)
                    .update();
            int counted = jdbc.sql("""
                            select count(*) from query.processing_node
                            where last_seen > now() - make_interval(secs => ?)""")
                    .param(claimTimeout.toMillis() / 1000.0)
                    .query(Integer.class)
                    .single();
            jdbc.sql("delete from query.processing_node where last_seen < now() - make_interval(secs => ?)")
                    .param((double) FORGET_AFTER.toSeconds())
                    .update();
            if (counted != liveNodes) {
                log.info("{} query-side node(s) alive, this one is {}", counted, nodeId);
            }
            liveNodes = Math.max(1, counted);
        } catch (DataAccessException e) {
            // Keep the last count: the processors cannot claim anything while the database is away either.
            log.debug("Could not renew node {}: {}", nodeId, e.getMessage());
        }
    }

    @Override
    public void start() {
        running = true;
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processing-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Leaves at once on a gentle stop, so the other nodes take the segments over without waiting for a timeout. */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        try {
            jdbc.sql("delete from query.processing_node where node_id = ?").param(nodeId).update();
        } catch (DataAccessException e) {
            log.debug("Could not remove node {}: {}", nodeId, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the event processors start, so that a node counts itself before it claims; after they stop. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }
}
