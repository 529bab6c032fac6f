package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view is rebuilt in one segment (on the one node a rebuild runs on, more segments only cost), and has its four
 * segments again once rebuilt, so that other nodes can share it.
 */
@QuerySideIntegrationTest
class RebuildSegmentsIT {

    @Autowired
    Rebuilds rebuilds;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aViewIsRebuiltInOneSegmentAndSplitBackIntoItsFourOnceRebuilt() {
        EventLog log = new EventLog(eventStore);
        for (int i = 0; i < 20; i++) {
            TherapistId therapistId = new TherapistId(UUID.randomUUID());
            log.append("Therapist", therapistId.value(), new TherapistRegistered(therapistId, "Dana " + i,
                    "RMT-" + UUID.randomUUID(), Instant.now()), Instant.now(), "admin", "ADMIN");
        }

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

    private int segments() {
        return jdbc.sql("select count(*) from query.token_entry where processor_name = 'audit'")
                .query(Integer.class).single();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
