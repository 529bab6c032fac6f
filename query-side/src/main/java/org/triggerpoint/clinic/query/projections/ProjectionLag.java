package org.triggerpoint.clinic.query.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * How far each view is behind the event store, as Micrometer gauges, because a view that falls behind answers with
 * old records (or, with a consistency token, with 503s) long before anything fails:
 * <ul>
 *     <li>{@code clinic.projection.lag.events{processor}}: the events stored after the position the slowest segment
 *     of the view's processor has read (a view includes an event only once every segment has read it). Counted
 *     exactly up to {@value #COUNTED_UP_TO}; beyond that it is the distance in the store's global index, which
 *     also counts the rare position a rolled-back transaction left unused.</li>
 *     <li>{@code clinic.projection.lag.seconds{processor}}: how long ago the oldest event the slowest segment has
 *     not read was stored; 0 when it is up to date.</li>
 *     <li>{@code clinic.projection.segment.lag.events{processor,segment}}: the same per segment, for each segment
 *     seen since this process started (NaN once a segment is merged away).</li>
 * </ul>
 * Segments that other nodes process are read from the token store, so every node reports the whole view. A scrape
 * reads each gauge; the figures are worked out at most once a second per view. While the database cannot be reached
 * the gauges read NaN.
 */
@Component
public class ProjectionLag implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);
    static final long COUNTED_UP_TO = 100_000;
    private static final String COUNT_AFTER = "select count(*) from (select 1 from "
            + EventStoreLayout.EVENT_SCHEMA.domainEventTable() + " where global_index > ? limit " + COUNTED_UP_TO
            + ") behind";
    private static final String OLDEST_UNREAD = "select time_stamp from "
            + EventStoreLayout.EVENT_SCHEMA.domainEventTable() + " where global_index > ? order by global_index limit 1";

    private final ViewPositions positions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<View, Lag> latest = new ConcurrentHashMap<>();
    private final Set<String> registeredSegments = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    ProjectionLag(ViewPositions positions, JdbcClient jdbc, Clock clock) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A view's distance from the head of the store, worked out at {@code at}. */
    public record Lag(Instant at, long head, Map<Integer, Long> segmentEvents, long events, double seconds) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (View view : View.values()) {
            gauge(registry, "clinic.projection.lag.events", view, "events",
                    "Events in the store that the slowest segment of the view's processor has not read", Lag::events);
            gauge(registry, "clinic.projection.lag.seconds", view, "seconds",
                    "Age of the oldest event the slowest segment of the view's processor has not read",
                    Lag::seconds);
        }
        this.registry = registry;
    }

    /** Segments come and go (claimed, split, merged), so each gets its gauge when it is first seen. */
    private void registerSegments(View view, Set<Integer> segments) {
        MeterRegistry bound = registry;
        if (bound == null) {
            return;
        }
        for (int segment : segments) {
            if (registeredSegments.add(view.processorName() + "/" + segment)) {
                Gauge.builder("clinic.projection.segment.lag.events", () -> figure(view,
                                lag -> lag.segmentEvents().getOrDefault(segment, Long.MIN_VALUE) < 0 ? Double.NaN
                                        : lag.segmentEvents().get(segment)))
                        .tag("processor", view.processorName()).tag("segment", Integer.toString(segment))
                        .baseUnit("events").description("Events in the store that this segment has not read")
                        .register(bound);
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, View view, String unit, String description,
                       ToDoubleFunction<Lag> figure) {
        Gauge.builder(name, () -> figure(view, figure)).tag("processor", view.processorName()).baseUnit(unit)
                .description(description).register(registry);
    }

    private double figure(View view, ToDoubleFunction<Lag> figure) {
        try {
            return figure.applyAsDouble(of(view));
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }

    /** The view's lag, at most a second old. */
    public Lag of(View view) {
        Lag lag = latest.get(view);
        Instant now = clock.instant();
        if (lag == null || Duration.between(lag.at(), now).compareTo(FRESH_FOR) >= 0) {
            lag = measure(view, now);
            latest.put(view, lag);
        }
        return lag;
    }

    private Lag measure(View view, Instant now) {
        long head = positions.head().orElse(-1);
        Map<Integer, Long> read = positions.segmentPositions(view);
        Map<Long, Long> eventsAfter = new HashMap<>();
        Map<Integer, Long> behind = new HashMap<>();
        read.forEach((segment, position) ->
                behind.put(segment, eventsAfter.computeIfAbsent(position, after -> eventsAfter(after, head))));
        registerSegments(view, read.keySet());
        long slowest = read.values().stream().min(Long::compare).orElse(head);
        if (slowest >= head) {
            return new Lag(now, head, Collections.unmodifiableMap(behind), 0, 0);
        }
        double seconds = jdbc.sql(OLDEST_UNREAD).param(slowest).query(String.class).optional()
                .map(storedAt -> Math.max(0, Duration.between(Instant.parse(storedAt), now).toMillis() / 1000.0))
                .orElse(0.0);
        return new Lag(now, head, Collections.unmodifiableMap(behind), eventsAfter.get(slowest), seconds);
    }

    private long eventsAfter(long position, long head) {
        if (position >= head) {
            return 0;
        }
        long counted = jdbc.sql(COUNT_AFTER).param(position).query(Long.class).single();
        return counted < COUNTED_UP_TO ? counted : Math.max(counted, head - position);
    }
}
