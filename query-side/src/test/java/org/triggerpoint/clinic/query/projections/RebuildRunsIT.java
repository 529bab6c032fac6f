package org.triggerpoint.clinic.query.projections;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
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
 * A rebuild reads the store into the view itself, with the view's processor stopped, up to where the store stood when
 * it began, and then hands the view back to the processor, which follows what was stored since. Should the rebuild's
 * own reading fail, the processor takes the view over from where it stopped and finishes it.
 */
@QuerySideIntegrationTest
class RebuildRunsIT {

    @Autowired
    Rebuilds rebuilds;
    @Autowired
    RebuildRuns runs;
    @Autowired
    RebuildSegments segments;
    @Autowired
    ViewPositions positions;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void viewBackInItsFourSegments() {
        rebuilds.splitViewsRebuiltBefore();
        await("the audit view in its four segments", () -> segments.segments(View.AUDIT) == 4);
    }

    @Test
    void aRebuildReadsTheStoreIntoTheViewItselfAndItsProcessorFollowsWhatWasStoredSince() {
        appendTherapists(1_200); // more than two batches
        await("every event in the audit trail", () -> auditEntries() == events());
        double readByRebuilds = readByRebuilds();

        rebuilds.rebuild(View.AUDIT);
        appendTherapists(30); // stored after the position the view is rebuilt up to

        await("rebuilt", () -> !rebuilds.isRebuilding(View.AUDIT));
        await("every event in the audit trail once, those stored since included", () -> auditEntries() == events());
        assertThat(readByRebuilds() - readByRebuilds).as("events the rebuild read itself")
                .isGreaterThanOrEqualTo(1_200);
        await("the view's processor running again", () -> positions.processor(View.AUDIT).isRunning());
        assertThat(runs.isUnderWay(View.AUDIT)).isFalse();
    }

    @Test
    void aRebuildThatCannotReadTheViewItselfLeavesItToTheProcessorWhichFinishesIt() {
        appendTherapists(20);
        await("every event in the audit trail", () -> auditEntries() == events());
        StreamingEventProcessor audit = positions.processor(View.AUDIT);
        audit.shutDown();
        transactions.executeWithoutResult(status -> {
            audit.resetTokens();
            segments.narrowToOne(View.AUDIT);
        });
        assertThat(auditEntries()).as("the view emptied").isZero();
        // Claimed by another node a moment ago: the rebuild cannot claim the view's segment, the processor can once
        // that claim lapses (claim timeout 5 s).
        jdbc.sql("update query.token_entry set owner = 'another-node', timestamp = ? where processor_name = 'audit'")
                .param(DateTimeUtils.formatInstant(Instant.now().minusSeconds(3)))
                .update();

        runs.start(View.AUDIT, audit, positions.head().orElseThrow());

        await("the view's processor running again", audit::isRunning);
        await("every event in the audit trail once", () -> auditEntries() == events());
    }

    private void appendTherapists(int count) {
        new EventLog(eventStore, jdbc).registerTherapists(count, Instant.now());
    }

    private long events() {
        return jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();
    }

    private long auditEntries() {
        return jdbc.sql("select count(*) from query.audit_entry").query(Long.class).single();
    }

    private double readByRebuilds() {
        var counter = meters.find("clinic.rebuild.events").tag("processor", "audit").counter();
        return counter == null ? 0 : counter.count();
    }
}
