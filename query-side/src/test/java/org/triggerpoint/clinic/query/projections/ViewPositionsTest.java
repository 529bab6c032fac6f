package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A node reads its view's positions from memory alone only while its segments hold every event, each once. */
class ViewPositionsTest {

    @Test
    void allFourSegmentsHoldEveryEvent() {
        assertThat(ViewPositions.coverEveryEvent(List.of(Segment.computeSegments(0, 1, 2, 3)))).isTrue();
    }

    @Test
    void theUnsplitSegmentHoldsEveryEvent() {
        assertThat(ViewPositions.coverEveryEvent(List.of(Segment.ROOT_SEGMENT))).isTrue();
    }

    @Test
    void segmentsSplitUnevenlyStillHoldEveryEvent() {
        // one half unsplit (hashes 0 mod 2), the other split in two (1 and 3 mod 4)
        assertThat(ViewPositions.coverEveryEvent(List.of(Segment.computeSegments(0, 1, 3)))).isTrue();
    }

    @Test
    void threeOfFourSegmentsLeaveOutTheEventsOfTheFourth() {
        List<Segment> four = List.of(Segment.computeSegments(0, 1, 2, 3));

        assertThat(ViewPositions.coverEveryEvent(four.subList(0, 3))).isFalse();
    }

    @Test
    void segmentsThatOverlapDoNotCountAsAllOfThemEvenWhenTheirSharesAddUpToTheWhole() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment[] quartersOfTheFirstHalf = halves[0].split();
        Segment[] quartersOfTheSecondHalf = halves[1].split();

        // a half, and two quarters of which one lies inside the half: the quarter of hashes 3 mod 4 is nobody's
        assertThat(ViewPositions.coverEveryEvent(
                List.of(halves[0], quartersOfTheFirstHalf[1], quartersOfTheSecondHalf[0]))).isFalse();
    }

    @Test
    void aSegmentHeldBesideOneOfItsHalvesWouldCountTheirEventsTwice() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();

        assertThat(ViewPositions.coverEveryEvent(List.of(halves[0], halves[1], halves[0].split()[0]))).isFalse();
    }

    @Test
    void noSegmentsHoldNothing() {
        assertThat(ViewPositions.coverEveryEvent(List.of())).isFalse();
    }
}
