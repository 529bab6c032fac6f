package org.triggerpoint.clinic.query.projections;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as the view processors read it: each stream reads the store again only when {@link NewEvents}
 * says something was stored, and tells the processor as soon as it has, so an idle view follows a command within
 * milliseconds instead of waiting for its next poll. Gaps (positions taken by transactions still open) are the
 * storage engine's to track, in the stream's token; each event is handed on with its own position
 * ({@link EventPosition}), which the token alone does not give for an event that fills a gap. Two are configured: one
 * reading the whole record, one reading its coded values only (see the query side's {@code EventStoreConfiguration}).
 */
public class TailingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final NewEvents newEvents;

    public TailingEventSource(EventStorageEngine storage, NewEvents newEvents) {
        this.storage = storage;
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
        private Stream<? extends TrackedEventMessage<?>> batch = Stream.empty();
        private Iterator<? extends TrackedEventMessage<?>> events = batch.iterator();
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
            batch.close();
        }

        /** True when an event is ready; reads the store again only if a signal came since it last did. */
        private boolean lookAhead() {
            if (next != null) {
                return true;
            }
            if (!events.hasNext()) {
                long signal = newEvents.signals();
                if (signal == readAtSignal) {
                    return false;
                }
                readAtSignal = signal;
                batch.close();
                batch = storage.readEvents(lastToken, false);
                events = batch.iterator();
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
    }
}
