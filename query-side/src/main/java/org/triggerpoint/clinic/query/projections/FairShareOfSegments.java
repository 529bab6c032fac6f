package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a processor's segments this node may hold: its share when the segments are divided among the nodes
 * alive, rounded up (4 segments on 2 nodes: 2 each; on 3 nodes: at most 2 each). Axon's pooled processor asks this
 * before it claims and releases what it holds above it, so a node that joins gets segments from the others, and the
 * survivor of a crash takes all of them once the dead node's claims time out.
 */
@Component
public class FairShareOfSegments implements MaxSegmentProvider {

    private final ProcessingNodes nodes;
    private final JdbcClient jdbc;

    FairShareOfSegments(ProcessingNodes nodes, JdbcClient jdbc) {
        this.nodes = nodes;
        this.jdbc = jdbc;
    }

    @Override
    public int getMaxSegments(String processorName) {
        int segments = segments(processorName);
        if (segments == 0) {
            return Short.MAX_VALUE; // not initialised yet: the first node creates and claims them
        }
        int live = nodes.liveNodes();
        return (segments + live - 1) / live;
    }

    private int segments(String processorName) {
        try {
            return jdbc.sql("select count(*) from query.token_entry where processor_name = ?")
                    .param(processorName)
                    .query(Integer.class)
                    .single();
        } catch (DataAccessException unreachable) {
            return 0; // nothing can be claimed or released without the database anyway
        }
    }
}
