package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The event store's rows as the view processors read them, page by page, each page read once for all of them. The
 * three processors read the same pages in the same order (a page starts after the token of the previous page's last
 * event), so the first to ask for a page reads it and the others take it from here. Live, every commit woke each
 * processor to read the store on its own (about ten queries per event stored); in a rebuild each read every event
 * itself. A page also keeps its rows as messages, once for each serializer that turned them into messages: the
 * views that read the same source (outcomes and audit) decode each event once between them.
 * <p>
 * A page is only handed to a reader that asks for the store as it stood at or after the announcement it has heard of
 * ({@link NewEvents#signals()}): a page read before that announcement may miss the events it announced.
 */
public class EventPages {

    private final Reader reader;
    private final NewEvents newEvents;
    private final int pagesKept;
    /** Keyed by the token a page starts after (null: the first page); least recently used first. */
    private final Map<TrackingToken, Reading> pages;

    /**
     * @param storage   how the store is read; its batch size is the page size
     * @param pagesKept how many pages are kept for readers that come later (the most recently used ones)
     */
    public EventPages(JdbcEventStorageEngine.Builder storage, NewEvents newEvents, int pagesKept) {
        this.reader = new Reader(storage);
        this.newEvents = newEvents;
        this.pagesKept = pagesKept;
        this.pages = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The most events a page holds; a page with fewer was all the store had after its token when it was read. */
    public int pageSize() {
        return reader.batchSize();
    }

    /**
     * The events stored after {@code token} (null: from the first), at most a page of them, as the store stood at or
     * after the announcement numbered {@code signal}.
     */
    public Page after(TrackingToken token, long signal) {
        while (true) {
            Reading reading;
            boolean mine = false;
            synchronized (pages) {
                reading = pages.get(token);
                if (reading == null || reading.atSignal() < signal || reading.page().isCompletedExceptionally()) {
                    // Read before the announcement: the newer reading replaces it for everyone after.
                    reading = new Reading(newEvents.signals(), new CompletableFuture<>());
                    pages.put(token, reading);
                    mine = true;
                    evictBeyond(pagesKept);
                }
            }
            if (mine) {
                return read(token, reading);
            }
            try {
                return reading.page().join();
            } catch (CompletionException failedForAnother) {
                // The reader that read it failed and said so; read again rather than fail for it.
                synchronized (pages) {
                    pages.remove(token, reading);
                }
            }
        }
    }

    private Page read(TrackingToken token, Reading reading) {
        try {
            Page page = new Page(reader.page(token));
            reading.page().complete(page);
            return page;
        } catch (RuntimeException | Error failed) {
            reading.page().completeExceptionally(failed);
            synchronized (pages) {
                pages.remove(token, reading);
            }
            throw failed;
        }
    }

    private void evictBeyond(int kept) {
        var oldestFirst = pages.entrySet().iterator();
        while (pages.size() > kept && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /** A page being read, or read, when the announcements had reached {@code atSignal}. */
    private record Reading(long atSignal, CompletableFuture<Page> page) {
    }

    /** The events of one page: its rows as stored, and as messages for each serializer that asked. */
    public static final class Page {

        private final List<? extends TrackedEventData<?>> rows;
        private final Map<Decoding, List<TrackedEventMessage<?>>> messages = new ConcurrentHashMap<>();
        /** Each event's metadata by its place in the page, for each upcaster chain: decoded once for all. */
        private final Map<EventUpcaster, Map<Integer, LazyDeserializingObject<MetaData>>> metaData =
                new ConcurrentHashMap<>();

        private Page(List<? extends TrackedEventData<?>> rows) {
            this.rows = rows;
        }

        /** The rows as stored, in store order. */
        public List<? extends TrackedEventData<?>> rows() {
            return rows;
        }

        /**
         * The rows as messages, made once for each serializer and upcaster chain: those who ask with the same ones get
         * the same messages, and each message's payload and metadata are decoded once, by whoever asks first (Axon
         * decodes them lazily, and safely from several threads).
         * <p>
         * An event's metadata is decoded once for all serializers, where its payload is decoded by each: the views
         * read every event's metadata (who, at whose request), and decoding it for each source was a twelfth of the
         * query side's CPU in a rebuild (async-profiler). It reads alike through every serializer: metadata is read
         * into untyped values, which no keyring decrypts (only the personal values of the events' own types are), so
         * no view reads through another's keys.
         */
        public List<TrackedEventMessage<?>> messages(Serializer serializer, EventUpcaster upcasters) {
            return messages.computeIfAbsent(new Decoding(serializer, upcasters), this::decode);
        }

        /**
         * As Axon's {@code EventUtils.upcastAndDeserializeTrackedEvents} (4.13), the metadata shared: an upcaster chain
         * turns the same rows into the same events in the same order, so the n-th event of every decoding with that
         * chain has the n-th event's metadata.
         */
        private List<TrackedEventMessage<?>> decode(Decoding decoding) {
            Map<Integer, LazyDeserializingObject<MetaData>> shared =
                    metaData.computeIfAbsent(decoding.upcasters(), upcasters -> new ConcurrentHashMap<>());
            List<IntermediateEventRepresentation> events = decoding.upcasters()
                    .upcast(rows.stream().map(row -> new InitialEventRepresentation(row, decoding.serializer())))
                    .toList();
            List<TrackedEventMessage<?>> decoded = new ArrayList<>(events.size());
            for (int n = 0; n < events.size(); n++) {
                IntermediateEventRepresentation event = events.get(n);
                SerializedMessage<?> message = new SerializedMessage<>(event.getMessageIdentifier(),
                        new LazyDeserializingObject<>(event::getData, event.getType(), decoding.serializer()),
                        shared.computeIfAbsent(n, same -> event.getMetaData()));
                TrackingToken token = event.getTrackingToken().orElseThrow();
                decoded.add(event.getAggregateIdentifier().isPresent()
                        ? new GenericTrackedDomainEventMessage<>(token, event.getAggregateType().orElse(null),
                        event.getAggregateIdentifier().get(), event.getSequenceNumber().orElseThrow(), message,
                        event::getTimestamp)
                        : new GenericTrackedEventMessage<>(token, message, event::getTimestamp));
            }
            return decoded;
        }

        /** Compared by identity: a serializer holds its own keys, which an equal one need not. */
        private record Decoding(Serializer serializer, EventUpcaster upcasters) {

            @Override
            public boolean equals(Object other) {
                return other instanceof Decoding that
                        && serializer == that.serializer && upcasters == that.upcasters;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(serializer) * 31 + System.identityHashCode(upcasters);
            }
        }
    }

    /**
     * Axon's JDBC engine, asked for one page of rows at a time, unconverted. Each row's time is read once, here
     * ({@link EventTimestamps}), for the gap check and for every view that asks the event for it: Axon's entry parses
     * its text each time it is asked. The names a row repeats (its aggregate's type, its payload's type and revision)
     * are one string each, so that the views' serializers find their classes by a string whose hash is known.
     */
    private static final class Reader extends JdbcEventStorageEngine {

        private static final int MAX_GAP_OFFSET = 10_000;
        private static final long LOWEST_GLOBAL_SEQUENCE = 1;
        private static final int GAP_TIMEOUT_MILLIS = 60_000;
        private static final int NAMES_KEPT = 10_000;

        private final Map<String, String> names = new ConcurrentHashMap<>();

        private Reader(JdbcEventStorageEngine.Builder builder) {
            super(builder.maxGapOffset(MAX_GAP_OFFSET)
                    .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                    .gapTimeout(GAP_TIMEOUT_MILLIS));
        }

        List<? extends TrackedEventData<?>> page(TrackingToken after) {
            return fetchTrackedEvents(after, batchSize());
        }

        /**
         * As Axon's engine reads a row (4.13), with the gap rule it sets: positions skipped before an event may still
         * fill while the event is younger than the gap timeout, so the token keeps them as gaps; an older event's token
         * keeps none.
         */
        @Override
        protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
                throws SQLException {
            EventSchema schema = schema();
            long position = row.getLong(schema.globalIndexColumn());
            String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
            String eventIdentifier = row.getString(schema.eventIdentifierColumn());
            String storedTime = row.getString(schema.timestampColumn());
            Instant timestamp = EventTimestamps.parse(storedTime);
            StoredEvent event = new StoredEvent(
                    name(row.getString(schema.typeColumn())),
                    eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                    row.getLong(schema.sequenceNumberColumn()),
                    eventIdentifier,
                    storedTime,
                    timestamp,
                    name(row.getString(schema.payloadTypeColumn())),
                    name(row.getString(schema.payloadRevisionColumn())),
                    readPayload(row, schema.payloadColumn()),
                    readPayload(row, schema.metaDataColumn()));
            boolean gapsMayFill = timestamp.isAfter(
                    GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
            GapAwareTrackingToken token;
            if (previous == null) {
                token = GapAwareTrackingToken.newInstance(position, gapsMayFill
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, position), position).boxed()
                        .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet());
            } else {
                token = previous.advanceTo(position, gapsMayFill ? MAX_GAP_OFFSET : 0);
            }
            return new TrackedDomainEventData<>(token, event);
        }

        private String name(String read) {
            if (read == null) {
                return null;
            }
            String kept = names.get(read);
            if (kept != null) {
                return kept;
            }
            if (names.size() < NAMES_KEPT) {
                names.putIfAbsent(read, read);
            }
            return read;
        }
    }

    /** A stored event whose time was read once, when its row was. */
    private static final class StoredEvent extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        private StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                            String storedTime, Instant timestamp, String payloadType, String payloadRevision,
                            Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTime, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
