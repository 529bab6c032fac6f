package org.triggerpoint.clinic.query.projections;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.time.Instant;
import java.util.Arrays;
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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClientKeyring keyring;

    @Test
    void aPageIsReadOnceForEveryViewThatHeardOfNothingNewer() {
        TrackingToken before = head();
        appendTherapists(2);
        EventPages pages = pages();
        long heard = newEvents.signals();

        List<? extends TrackedEventData<?>> first = pages.after(before, heard).rows();
        List<? extends TrackedEventData<?>> second = pages.after(before, heard).rows();

        assertThat(first).hasSize(2);
        assertThat(second).isSameAs(first);
    }

    @Test
    void viewsThatReadWithTheSameSerializerShareThePagesMessages() {
        TrackingToken before = head();
        appendTherapists(2);
        EventPages pages = pages();
        long heard = newEvents.signals();
        Serializer another = EventJson.newSerializer(keyring);

        List<TrackedEventMessage<?>> decoded = pages.after(before, heard).messages(serializer, upcasters);
        List<TrackedEventMessage<?>> again = pages.after(before, heard).messages(serializer, upcasters);
        List<TrackedEventMessage<?>> byAnother = pages.after(before, heard).messages(another, upcasters);

        assertThat(decoded).hasSize(2);
        assertThat(again).as("the same messages, each decoded once").isSameAs(decoded);
        assertThat(byAnother).as("decoded by the other serializer (which may hold other keys) for itself")
                .isNotSameAs(decoded)
                .<Object>map(TrackedEventMessage::getPayload)
                .containsExactlyElementsOf(decoded.stream().<Object>map(TrackedEventMessage::getPayload).toList());
    }

    @Test
    void eachEventsMetaDataIsDecodedOnceForEverySerializer() {
        EventPages.Page page = aPageOfNewTherapists(2);

        List<TrackedEventMessage<?>> decoded = page.messages(serializer, upcasters);
        List<TrackedEventMessage<?>> byAnother = page.messages(EventJson.newSerializer(keyring), upcasters);

        assertThat(byAnother).hasSameSizeAs(decoded);
        for (int n = 0; n < decoded.size(); n++) {
            assertThat(byAnother.get(n).getMetaData()).isSameAs(decoded.get(n).getMetaData())
                    .containsKey("actor");
            assertThat(byAnother.get(n).getPayload()).as("each serializer decodes the payload for itself")
                    .isNotSameAs(decoded.get(n).getPayload())
                    .isEqualTo(decoded.get(n).getPayload());
        }
    }

    @Test
    void aPagesMessagesAreTheOnesAxonMakesOfItsRows() {
        EventPages.Page page = aPageOfNewTherapists(2);

        List<TrackedEventMessage<?>> decoded = page.messages(serializer, upcasters);
        List<TrackedEventMessage<?>> axons =
                EventUtils.upcastAndDeserializeTrackedEvents(page.rows().stream(), serializer, upcasters).toList();

        assertThat(decoded).map(EventPagesIT::asHandled)
                .containsExactlyElementsOf(axons.stream().map(EventPagesIT::asHandled).toList());
    }

    @Test
    void aViewThatHeardOfANewerCommitGetsThePageReadAgainWithIt() throws InterruptedException {
        TrackingToken before = head();
        EventPages pages = pages();
        long heard = newEvents.signals();
        assertThat(pages.after(before, heard).rows()).isEmpty();

        appendTherapists(1);
        assertThat(newEvents.awaitSignalAfter(heard, 5, TimeUnit.SECONDS)).isTrue();

        assertThat(pages.after(before, newEvents.signals()).rows()).hasSize(1);
    }

    @Test
    void aFullPageSaysTheStoreMayHoldMore() {
        TrackingToken before = head();
        appendTherapists(3);
        EventPages pages = pages(2);

        List<? extends TrackedEventData<?>> first = pages.after(before, newEvents.signals()).rows();
        List<? extends TrackedEventData<?>> rest = pages.after(first.get(first.size() - 1).trackingToken(),
                newEvents.signals()).rows();

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

    @Test
    void aPageHoldsTheEventsAndTokensThatAxonsOwnEngineReads() {
        TrackingToken before = head();
        Instant longAgo = Instant.parse("2024-02-29T23:59:59.5Z");
        new EventLog(eventStore, jdbc).registerTherapists(1, longAgo);
        skipAPosition();
        appendTherapists(2); // younger than the gap timeout: the position skipped before them may still fill
        skipAPosition();
        new EventLog(eventStore, jdbc).registerTherapists(1, longAgo); // older: no gap kept before it
        AxonsReader axons = new AxonsReader(storage(500));
        EventPages pages = pages();

        List<? extends TrackedEventData<?>> page = pages.after(before, newEvents.signals()).rows();
        List<? extends TrackedEventData<?>> fromTheStart = pages.after(null, newEvents.signals()).rows();

        assertThat(page).hasSize(4);
        assertThat(page).map(EventPagesIT::asRead).containsExactlyElementsOf(
                axons.page(before).stream().map(EventPagesIT::asRead).toList());
        assertThat(fromTheStart).map(EventPagesIT::asRead).containsExactlyElementsOf(
                axons.page(null).stream().map(EventPagesIT::asRead).toList());
        assertThat(((GapAwareTrackingToken) page.get(2).trackingToken()).getGaps())
                .as("the position skipped before the young events is a gap")
                .hasSize(1);
    }

    /** Everything a handler can ask of an event's message. */
    private static List<Object> asHandled(TrackedEventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        return Arrays.asList(event.getClass(), event.getIdentifier(), message.trackingToken(), event.getType(),
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                event.getPayloadType(), event.getPayload(), event.getMetaData());
    }

    /** Everything a view can ask of a stored event and its token (whose class does not compare its gaps). */
    private static List<Object> asRead(TrackedEventData<?> read) {
        DomainEventData<?> event = (DomainEventData<?>) read;
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.trackingToken();
        return Arrays.asList(token.getIndex(), token.getGaps(), event.getEventIdentifier(), event.getType(),
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                event.getPayload().getType(), event.getPayload().getData(), event.getMetaData().getData());
    }

    /** Takes a position as a transaction that rolled back would: no event is ever stored at it. */
    private void skipAPosition() {
        jdbc.sql("select nextval(pg_get_serial_sequence('events.domain_event_entry', 'global_index'))")
                .query(Long.class)
                .single();
    }

    /** Axon's JDBC engine as it reads the store, unchanged. */
    private static final class AxonsReader extends JdbcEventStorageEngine {

        private AxonsReader(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        List<? extends TrackedEventData<?>> page(TrackingToken after) {
            return fetchTrackedEvents(after, batchSize());
        }
    }

    /** The token of the last event stored; on an empty store, of one stored for it. */
    private TrackingToken head() {
        if (eventStore.createHeadToken() == null) {
            appendTherapists(1);
        }
        return eventStore.createHeadToken();
    }

    /** The page of the {@code count} therapists registered now, read as the store stands after them. */
    private EventPages.Page aPageOfNewTherapists(int count) {
        TrackingToken before = head();
        appendTherapists(count);
        return pages().after(before, newEvents.signals());
    }

    private EventPages pages() {
        return pages(500);
    }

    private EventPages pages(int pageSize) {
        return new EventPages(storage(pageSize), newEvents, 4);
    }

    private JdbcEventStorageEngine.Builder storage(int pageSize) {
        return EventStoreLayout.storageEngine()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(pageSize);
    }

    private void appendTherapists(int count) {
        new EventLog(eventStore, jdbc).registerTherapists(count, Instant.now());
    }
}
