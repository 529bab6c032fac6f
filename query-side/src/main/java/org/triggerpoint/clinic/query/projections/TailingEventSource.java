package org.triggerpoint.clinic.query.projections;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the view processors read it: each stream reads the store again only when {@link NewEvents}
 * says something was stored, and tells the processor as soon as it has, so an idle view follows a command within
 * milliseconds instead of waiting for its next poll. The rows come from {@link EventPages}, which reads each page once
 * for every processor; this source has them turned into messages with its own serializer, once for all the processors
 * that read through it. Gaps (positions taken by transactions still open) are the storage engine's to track, in the
 * stream's token; each event is handed on with its own position ({@link EventPosition}), which the token alone does not give for an event that fills a gap. Two are
 * configured: one reading the whole record, one reading its coded values only (see the query side's
 * {@code EventStoreConfiguration}).
 */
public class TailingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final EventPages pages;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final NewEvents newEvents;

    /**
     * @param storage    the store as this source makes its tokens
     * @param pages      the store's rows, shared with the other sources
     * @param serializer turns the rows into messages for this source's processors
     */
    public TailingEventSource(EventStorageEngine storage, EventPages pages, Serializer serializer,
                              EventUpcaster upcasters, NewEvents newEvents) {
        this.storage = storage;
        this.pages = pages;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.newEvents = newEvents;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Tail(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant instant) {
        return storage.createTokenAt(instant);
    }

    private final class Tail implements TrackingEventStream {

        private TrackingToken lastToken;
        private Iterator<? extends TrackedEventMessage<?>> events = Collections.emptyIterator();
        /** Whether the page last read reached the end of its range, so that the store may hold more right away. */
        private boolean morePages;
        private TrackedEventMessage<?> next;
        /** The token of the event last read from the store, to tell the next event's own position by. */
        private TrackingToken lastRead;
        /** The signal count when the store was last read; -1 so that the first look reads it. */
        private long readAtSignal = -1;
        private Runnable listener;

        private Tail(TrackingToken token) {
            this.lastToken = token;
            this.lastRead = token;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return lookAhead() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!lookAhead()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !newEvents.awaitSignalAfter(readAtSignal, remaining, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // wait until there is one
            }
            TrackedEventMessage<?> message = next;
            next = null;
            lastToken = message.trackingToken();
            return message;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (listener != null) {
                newEvents.stopListening(listener);
            }
            listener = callback;
            newEvents.listen(readAtSignal, callback);
            return true;
        }

        @Override
        public void close() {
            if (listener != null) {
                newEvents.stopListening(listener);
            }
        }

        /**
         * True when an event is ready. Reads the next page while the pages come full; after a page that was not
         * (the store had no more), only once a signal came since it last read.
         */
        private boolean lookAhead() {
            if (next != null) {
                return true;
            }
            if (!events.hasNext()) {
                if (!morePages) {
                    long signal = newEvents.signals();
                    if (signal == readAtSignal) {
                        return false;
                    }
                    readAtSignal = signal;
                }
                EventPages.Page page = pages.after(lastToken, readAtSignal);
                morePages = mayHaveMore(page.rows());
                events = page.messages(serializer, upcasters).iterator();
                lastRead = lastToken;
            }
            if (events.hasNext()) {
                TrackedEventMessage<?> read = events.next();
                next = EventPosition.attach(read, lastRead);
                lastRead = read.trackingToken();
                return true;
            }
            return false;
        }

        /**
         * Whether the store may hold more after {@code page}. A page holds the events at the {@link
         * EventPages#pageSize() page size}'s positions after the token's: fewer than that where positions went unused
         * (the first page, as positions start at 1; a transaction rolled back). A page whose last event is at the end
         * of its range may have more after it; one that ends before reached the last event stored, or unused
         * positions that the read after the next announcement passes.
         */
        private boolean mayHaveMore(List<? extends TrackedEventData<?>> page) {
            if (page.isEmpty()) {
                return false;
            }
            long rangeEnd = EventPosition.reachedBy(lastToken) + pages.pageSize();
            long lastPosition = EventPosition.reachedBy(page.get(page.size() - 1).trackingToken());
            return page.size() >= pages.pageSize() || lastPosition >= rangeEnd;
        }
    }
}
