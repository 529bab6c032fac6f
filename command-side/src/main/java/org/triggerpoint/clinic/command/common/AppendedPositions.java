package org.triggerpoint.clinic.command.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where in the event store the events of a unit of work landed: for each stream it appended to, the global position
 * of its last event, as PostgreSQL answered the insert. Known to that unit of work only, and only once its events
 * are appended (as it prepares to commit).
 */
public final class AppendedPositions {

    private static final String RESOURCE = AppendedPositions.class.getName();

    private final Map<String, Long> lastOfStream = new HashMap<>();

    private AppendedPositions() {
    }

    /** Notes that the current unit of work stored an event of {@code stream} at {@code position}; none, nothing. */
    public static void record(String stream, long position) {
        CurrentUnitOfWork.ifStarted(work -> of(work).lastOfStream.merge(stream, position, Math::max));
    }

    /** The position of the last event {@code work} stored in {@code stream}; empty if it stored none there. */
    public static OptionalLong lastOf(UnitOfWork<?> work, String stream) {
        Long position = of(work).lastOfStream.get(stream);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    private static AppendedPositions of(UnitOfWork<?> work) {
        return work.root().getOrComputeResource(RESOURCE, key -> new AppendedPositions());
    }
}
