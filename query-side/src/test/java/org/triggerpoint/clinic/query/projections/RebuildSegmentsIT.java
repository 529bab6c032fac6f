package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.Eventually.await;

/**
 * A view is rebuilt in one segment (on the one node a rebuild runs on, more segments only cost), and has its four
 * segments again once rebuilt, so that other nodes can share it; a run that stopped before splitting it leaves that to
 * the next run's start.
 */
@QuerySideIntegrationTest
class RebuildSegmentsIT {

    @Autowired
    Rebuilds rebuilds;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ViewPositions positions;
    @Autowired
    RebuildSegments segmentsOfRebuilds;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aViewIsRebuiltInOneSegmentAndSplitBackIntoItsFourOnceRebuilt() {
        appendTherapists(20);

        rebuilds.rebuild(View.AUDIT);
        assertThat(segments()).as("segments while rebuilding").isEqualTo(1);

        await("rebuilt", () -> !rebuilds.isRebuilding(View.AUDIT));
        assertThat(jdbc.sql("select count(*) from query.view_rebuild where view_name = 'audit'")
                .query(Integer.class).single()).as("the rebuild seen through").isZero();
        await("split back into four segments", () -> segments() == 4);
        long events = jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from query.audit_entry").query(Long.class).single())
                .as("one audit entry per event").isEqualTo(events);
    }

    @Test
    void aViewLeftInOneSegmentByAnEarlierRunIsSplitBackWhenTheQuerySideStarts() {
        appendTherapists(10);
        await("the audit view in its four segments", () -> segments() == 4);
        StreamingEventProcessor audit = positions.processor(View.AUDIT);
        // As a run that stopped after rebuilding the view and before splitting it left it.
        audit.shutDown();
        transactions.executeWithoutResult(status -> {
            audit.resetTokens();
            segmentsOfRebuilds.narrowToOne(View.AUDIT);
        });
        audit.start();
        assertThat(segments()).isEqualTo(1);

        rebuilds.splitViewsRebuiltBefore();

        await("split back into four segments", () -> segments() == 4);
        long events = jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();
        await("every event in the audit trail once", () -> jdbc.sql("select count(*) from query.audit_entry")
                .query(Long.class).single() == events);
    }

    private void appendTherapists(int count) {
        new EventLog(eventStore, jdbc).registerTherapists(count, Instant.now());
    }

    private int segments() {
        return jdbc.sql("select count(*) from query.token_entry where processor_name = 'audit'")
                .query(Integer.class).single();
    }
}
