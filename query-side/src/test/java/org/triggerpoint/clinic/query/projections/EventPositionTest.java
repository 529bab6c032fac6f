package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventPositionTest {

    private static final int MAX_GAP_OFFSET = 10_000;
    private final GapAwareTrackingToken readUpTo12WithGaps = GapAwareTrackingToken.newInstance(12, Set.of(7L, 11L));

    @Test
    void anEventThatMovesTheTokenOnIsAtTheNewIndex() {
        GapAwareTrackingToken after = readUpTo12WithGaps.advanceTo(15, MAX_GAP_OFFSET);

        assertThat(EventPosition.between(readUpTo12WithGaps, after)).isEqualTo(15);
    }

    @Test
    void anEventThatCommittedLateIsAtTheGapItFillsNotAtTheTokensIndex() {
        GapAwareTrackingToken after = readUpTo12WithGaps.advanceTo(11, MAX_GAP_OFFSET);

        assertThat(after.position()).hasValue(12);
        assertThat(EventPosition.between(readUpTo12WithGaps, after)).isEqualTo(11);
    }

    @Test
    void aLateEventThatAlsoEndsOlderGapsIsAtTheGapItFills() {
        GapAwareTrackingToken after = readUpTo12WithGaps.advanceTo(11, MAX_GAP_OFFSET).withGapsTruncatedAt(11);

        assertThat(EventPosition.between(readUpTo12WithGaps, after)).isEqualTo(11);
    }

    @Test
    void theFirstEventReadIsAtItsTokensIndex() {
        assertThat(EventPosition.between(null, GapAwareTrackingToken.newInstance(5, Set.of(1L)))).isEqualTo(5);
    }

    @Test
    void theHandlersGetThePositionAttachedOverTheTokensIndex() {
        GapAwareTrackingToken after = readUpTo12WithGaps.advanceTo(7, MAX_GAP_OFFSET);
        TrackedEventMessage<String> late = new GenericTrackedEventMessage<>(after,
                GenericEventMessage.asEventMessage("late"));

        TrackedEventMessage<String> read = EventPosition.attach(late, readUpTo12WithGaps);

        assertThat(read.trackingToken()).isEqualTo(after);
        assertThat(EventPosition.of(read, read.trackingToken())).isEqualTo(7);
        assertThat(EventPosition.of(late, late.trackingToken())).as("without it, the token's index").isEqualTo(12);
    }

    @Test
    void aStoredEventKeepsItsStreamPayloadMetadataAndTimeBesideItsPosition() {
        GapAwareTrackingToken after = readUpTo12WithGaps.advanceTo(7, MAX_GAP_OFFSET);
        DomainEventMessage<String> stored = new GenericDomainEventMessage<>("Session", "session-1", 3, "late",
                MetaData.with("actor", "dana"));
        TrackedEventMessage<String> late = new GenericTrackedDomainEventMessage<>(after, stored);

        TrackedEventMessage<String> read = EventPosition.attach(late, readUpTo12WithGaps);

        assertThat(EventPosition.of(read, read.trackingToken())).isEqualTo(7);
        assertThat(read.trackingToken()).isEqualTo(after);
        assertThat(read).isInstanceOfSatisfying(DomainEventMessage.class, domain -> {
            assertThat(domain.getType()).isEqualTo("Session");
            assertThat(domain.getAggregateIdentifier()).isEqualTo("session-1");
            assertThat(domain.getSequenceNumber()).isEqualTo(3);
        });
        assertThat(read.getIdentifier()).isEqualTo(stored.getIdentifier());
        assertThat(read.getPayload()).isEqualTo("late");
        assertThat(read.getMetaData()).isEqualTo(stored.getMetaData());
        assertThat(read.getTimestamp()).isEqualTo(stored.getTimestamp());
    }

    @Test
    void aStoredEventKeepsItsPositionWhenAxonGivesItAnotherTokenOrMetadata() {
        GapAwareTrackingToken after = readUpTo12WithGaps.advanceTo(7, MAX_GAP_OFFSET);
        TrackedEventMessage<String> late = new GenericTrackedDomainEventMessage<>(after,
                new GenericDomainEventMessage<>("Session", "session-1", 3, "late"));
        TrackedEventMessage<String> read = EventPosition.attach(late, readUpTo12WithGaps);
        // A work package hands each event on with a token of its own segment, which gives the index, not the gap.
        TrackedEventMessage<String> inPackage = read.withTrackingToken(GapAwareTrackingToken.newInstance(12, Set.of()));

        assertThat(EventPosition.of(inPackage, inPackage.trackingToken())).isEqualTo(7);
        assertThat(inPackage.trackingToken().position()).hasValue(12);
        TrackedEventMessage<String> annotated = (TrackedEventMessage<String>) inPackage.andMetaData(
                MetaData.with("traceId", "t-1"));
        assertThat(EventPosition.of(annotated, annotated.trackingToken())).isEqualTo(7);
        assertThat(annotated.getMetaData()).containsEntry("traceId", "t-1");
        TrackedEventMessage<String> replaced =
                (TrackedEventMessage<String>) inPackage.withMetaData(MetaData.emptyInstance());
        assertThat(EventPosition.of(replaced, replaced.trackingToken())).isEqualTo(7);
        assertThat(replaced).isInstanceOf(DomainEventMessage.class);
    }
}
