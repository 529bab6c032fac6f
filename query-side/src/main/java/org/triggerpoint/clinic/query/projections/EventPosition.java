package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The global position of an event in the store, as the views key their rows by it. An event's tracking token does
 * not say it: an event that committed after later ones (its position was a gap in the token) comes with a token
 * whose index is the highest position read so far, not its own. Taken as the event's position, that index would
 * file the late event under another event's position (the audit trail kept one of the two) or make a row look as if
 * it had already folded the event in. {@link TailingEventSource} works the true position out as it reads, from the
 * token before the event and the token after it, and hands it to the handlers with the event.
 */
public final class EventPosition {

    static final String KEY = "clinic.globalPosition";

    private EventPosition() {
    }

    /**
     * The event's own global position. Events that did not come through {@link TailingEventSource} (a test that
     * hands events to a projection directly) have only their token's position, which is theirs when read in order.
     */
    public static long of(EventMessage<?> event, TrackingToken token) {
        if (event instanceof Positioned<?> positioned) {
            return positioned.position;
        }
        Object position = event.getMetaData().get(KEY);
        if (position instanceof Number known) {
            return known.longValue();
        }
        return token.position().orElseThrow(() ->
                new IllegalStateException("The event's tracking token " + token + " gives no position"));
    }

    /** How far a reader holding {@code token} has read: the token's position; -1 before the first event. */
    static long reachedBy(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * The event as read after {@code before}, carrying its own position. A stored event carries it beside its
     * metadata: adding it to the metadata read and parsed every event's metadata and time as it was read (a tenth
     * of a rebuild's CPU), where most views need neither.
     */
    static <T> TrackedEventMessage<T> attach(TrackedEventMessage<T> event, TrackingToken before) {
        long position = between(before, event.trackingToken());
        if (event instanceof DomainEventMessage<T> stored) {
            return new Positioned<>(event.trackingToken(), stored, position);
        }
        EventMessage<T> withPosition = event.andMetaData(Map.of(KEY, position));
        // A domain event keeps its token (and aggregate) through andMetaData; a plain tracked event does not.
        return withPosition instanceof TrackedEventMessage<T> tracked
                ? tracked : new GenericTrackedEventMessage<>(event.trackingToken(), withPosition);
    }

    /**
     * A stored event and its own position; the event's payload, metadata and time are read when asked for. Axon
     * re-creates a message on its way to the handlers (each work package gives it the package's token), so every
     * copy keeps the position: a copy without it would fall back to the token's index, and the entry of an event
     * that filled a gap would take another event's position.
     */
    private static final class Positioned<T> extends GenericTrackedDomainEventMessage<T> {

        private final long position;

        private Positioned(TrackingToken token, DomainEventMessage<T> event, long position) {
            super(token, event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), event,
                    event::getTimestamp);
            this.position = position;
        }

        @Override
        public Positioned<T> withTrackingToken(TrackingToken token) {
            return new Positioned<>(token, this, position);
        }

        @Override
        public Positioned<T> withMetaData(Map<String, ?> metaData) {
            return new Positioned<>(trackingToken(), super.withMetaData(metaData), position);
        }

        @Override
        public Positioned<T> andMetaData(Map<String, ?> metaData) {
            return new Positioned<>(trackingToken(), super.andMetaData(metaData), position);
        }
    }

    /**
     * An event that moves the token forward is at the token's new index; one that fills a gap leaves the index where
     * it was and takes its position out of the gaps (with gaps below it, if the store gave them up as too old).
     */
    static long between(TrackingToken before, TrackingToken after) {
        if (!(after instanceof GapAwareTrackingToken now)) {
            return after.position().orElseThrow(() -> new IllegalStateException("No position in token " + after));
        }
        if (!(before instanceof GapAwareTrackingToken was) || now.getIndex() > was.getIndex()) {
            return now.getIndex();
        }
        SortedSet<Long> filled = new TreeSet<>(was.getGaps());
        filled.removeAll(now.getGaps());
        return filled.isEmpty() ? now.getIndex() : filled.last();
    }
}
