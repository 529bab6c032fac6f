package org.triggerpoint.clinic.query.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How far each view has read the event store. A view includes the event at a global position when every segment of
 * its processor has read that position (its token is at or past it, and it is not one of the token's gaps).
 * Segments this node does not process are read from the token table (query.token_entry), so the answer holds with
 * several nodes: a read waits for a segment another node processes.
 */
@Component
public class ViewPositions {

    /** Up to 64 segments are checked one hash at a time on every look; more, and the token table is read. */
    private static final int MAX_CHECKED_MASK = 63;

    private final EventProcessingConfiguration processors;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;

    ViewPositions(EventProcessingConfiguration processors, JdbcClient jdbc, Serializer serializer,
                  EventStore eventStore) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
    }

    /**
     * The global index of the newest event in the store, empty while it holds none: Axon's JDBC store answers no head
     * token at all then, which once made every rebuild and its progress fail on a fresh database.
     */
    public OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    public boolean includes(View view, long position) {
        Collection<TrackingToken> tokens = segmentTokens(view).values();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> hasRead(token, position));
    }

    /** The lowest position every segment has reached, or empty before the view has read any event. */
    public Optional<Long> lowestPosition(View view) {
        Collection<TrackingToken> tokens = segmentTokens(view).values();
        if (tokens.isEmpty() || tokens.contains(null)) {
            return Optional.empty();
        }
        return tokens.stream().map(ViewPositions::readUpTo).min(Long::compare).filter(position -> position >= 0);
    }

    /** Each segment's position: the global index it has read up to, -1 before its first event. */
    public Map<Integer, Long> segmentPositions(View view) {
        Map<Integer, Long> positions = new TreeMap<>();
        segmentTokens(view).forEach((segment, token) -> positions.put(segment, readUpTo(token)));
        return positions;
    }

    StreamingEventProcessor processor(View view) {
        return processors.eventProcessor(view.processorName(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No event processor " + view.processorName()));
    }

    /**
     * One token per segment (null before its first event): this node's own in memory (ahead of what it stored), the
     * others' as stored. Read without claiming: {@link TokenStore#fetchToken} would claim the segment, failing while
     * another node holds it and taking it from a node whose claim lapsed. While this node processes every segment, as
     * a single node does, the token table is not read at all.
     */
    private Map<Integer, TrackingToken> segmentTokens(View view) {
        Map<Integer, EventTrackerStatus> local = processor(view).processingStatus();
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        if (coverEveryEvent(local.values().stream().map(EventTrackerStatus::getSegment).toList())) {
            local.forEach((segment, status) -> tokens.put(segment, status.getTrackingToken()));
            return tokens;
        }
        jdbc.sql("select segment, token, token_type from query.token_entry where processor_name = ? order by segment")
                .param(view.processorName())
                .query((row, number) -> {
                    EventTrackerStatus status = local.get(row.getInt("segment"));
                    tokens.put(row.getInt("segment"), status != null ? status.getTrackingToken()
                            : stored(row.getString("token"), row.getString("token_type")));
                    return null;
                })
                .list();
        return tokens;
    }

    /**
     * Whether every event falls in exactly one of {@code segments}: an event belongs to the segment whose id is its
     * sequencing hash under the segment's mask. Answers no for segments narrower than a 64th (four by default), so
     * that a look stays cheap; the token table is read then.
     */
    static boolean coverEveryEvent(Collection<Segment> segments) {
        int widestMask = segments.stream().mapToInt(Segment::getMask).max().orElse(-1);
        if (widestMask < 0 || widestMask > MAX_CHECKED_MASK) {
            return false;
        }
        for (int hash = 0; hash <= widestMask; hash++) {
            int value = hash;
            if (segments.stream().filter(segment -> segment.matches(value)).count() != 1) {
                return false;
            }
        }
        return true;
    }

    private TrackingToken stored(String token, String type) {
        return token == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, String.class, type, null));
    }

    /** Whether a view whose token is {@code token} has read the event at {@code position}. */
    public static boolean hasRead(TrackingToken token, long position) {
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
