package org.triggerpoint.clinic.query.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far each view has read the event store. A view includes the event at a global position when every segment of
 * its processor has read that position (its token is at or past it, and it is not one of the token's gaps).
 * Segments this node does not process are read from the token store, so the answer holds with several nodes.
 */
@Component
public class ViewPositions {

    private final EventProcessingConfiguration processors;
    private final TokenStore tokenStore;
    private final TransactionTemplate transaction;

    ViewPositions(EventProcessingConfiguration processors, TokenStore tokenStore, TransactionTemplate transaction) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.transaction = transaction;
    }

    public boolean includes(View view, long position) {
        List<TrackingToken> tokens = segmentTokens(view);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> hasRead(token, position));
    }

    /** The lowest position every segment has reached, or empty before the view has read any event. */
    public Optional<Long> lowestPosition(View view) {
        List<TrackingToken> tokens = segmentTokens(view);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return Optional.empty();
        }
        return tokens.stream().map(ViewPositions::readUpTo).min(Long::compare).filter(position -> position >= 0);
    }

    StreamingEventProcessor processor(View view) {
        return processors.eventProcessor(view.processorName(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No event processor " + view.processorName()));
    }

    /** One token per segment: this node's own in memory, the others' from the token store. */
    private List<TrackingToken> segmentTokens(View view) {
        Map<Integer, EventTrackerStatus> local = processor(view).processingStatus();
        int[] segments = transaction.execute(status -> tokenStore.fetchSegments(view.processorName()));
        List<TrackingToken> tokens = new ArrayList<>();
        for (int segment : segments == null ? new int[0] : segments) {
            EventTrackerStatus status = local.get(segment);
            tokens.add(status != null ? status.getTrackingToken()
                    : transaction.execute(tx -> tokenStore.fetchToken(view.processorName(), segment)));
        }
        return tokens;
    }

    static boolean hasRead(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return readUpTo(current) >= position;
    }

    private static long readUpTo(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        return current == null ? -1 : current.position().orElse(-1);
    }
}
