package org.triggerpoint.clinic.query.projections;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the store that the view processors share, on PostgreSQL: a page is read once for every reader that
 * asks for the store as it stood at or after the announcement it heard of, and read again for a reader that heard of
 * a newer one, so that no view misses an event announced to it.
 */
@QuerySideIntegrationTest
class EventPagesIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    NewEvents newEvents;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventUpcaster upcasters;

    @Test
    void aPageIsReadOnceForEveryViewThatHeardOfNothingNewer() {
        TrackingToken before = head();
        appendTherapists(2);
        EventPages pages = pages();
        long heard = newEvents.signals();

        List<? extends TrackedEventData<?>> first = pages.after(before, heard);
        List<? extends TrackedEventData<?>> second = pages.after(before, heard);

        assertThat(first).hasSize(2);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aViewThatHeardOfANewerCommitGetsThePageReadAgainWithIt() throws InterruptedException {
        TrackingToken before = head();
        EventPages pages = pages();
        long heard = newEvents.signals();
        assertThat(pages.after(before, heard)).isEmpty();

        appendTherapists(1);
        assertThat(newEvents.awaitSignalAfter(heard, 5, TimeUnit.SECONDS)).isTrue();

        assertThat(pages.after(before, newEvents.signals())).hasSize(1);
    }

    @Test
    void aFullPageSaysTheStoreMayHoldMore() {
        TrackingToken before = head();
        appendTherapists(3);
        EventPages pages = pages(2);

        List<? extends TrackedEventData<?>> first = pages.after(before, newEvents.signals());
        List<? extends TrackedEventData<?>> rest = pages.after(first.get(first.size() - 1).trackingToken(),
                newEvents.signals());

        assertThat(first).hasSize(pages.pageSize());
        assertThat(rest).hasSize(1);
    }

    @Test
    void aViewReadsOnAtOnceAfterAPageWithFewerEventsThanPositions() throws InterruptedException {
        long heard = newEvents.signals();
        appendTherapists(3);
        assertThat(newEvents.awaitSignalAfter(heard, 5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // every announcement of them heard: none comes while the source reads
        // Pages of two positions: the first holds one event, as positions start at 1.
        TailingEventSource source = new TailingEventSource(storageEngine, pages(2), serializer, upcasters, newEvents);

        try (var events = source.openStream(null)) {
            assertThat(events.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
            long first = events.nextAvailable().trackingToken().position().orElseThrow();
            assertThat(events.hasNextAvailable(0, TimeUnit.MILLISECONDS))
                    .as("the next page read without waiting for an announcement of new events")
                    .isTrue();
            assertThat(events.nextAvailable().trackingToken().position().orElseThrow()).isGreaterThan(first);
        }
    }

    /** The token of the last event stored; on an empty store, of one stored for it. */
    private TrackingToken head() {
        if (eventStore.createHeadToken() == null) {
            appendTherapists(1);
        }
        return eventStore.createHeadToken();
    }

    private EventPages pages() {
        return pages(500);
    }

    private EventPages pages(int pageSize) {
        return new EventPages(EventStoreLayout.storageEngine()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(pageSize), newEvents, 4);
    }

    private void appendTherapists(int count) {
        new EventLog(eventStore).registerTherapists(count, Instant.now());
    }
}
