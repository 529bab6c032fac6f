package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection keeps for the length of one batch of events: a processor handles a batch in one unit of work and
 * one transaction, with its token. A view reads and changes its rows in memory while the batch runs and writes them
 * back together just before it commits, so a session whose eight events arrive in one batch costs one read and one
 * write, not eight of each. Should the batch fail, the state goes with its unit of work and nothing was written.
 */
public final class BatchScope {

    private BatchScope() {
    }

    /**
     * The current batch's state under {@code key}: created on first use, and handed to {@code beforeCommit} when the
     * batch is about to commit.
     */
    public static <T> T current(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, any -> {
            T state = create.get();
            batch.onPrepareCommit(committing -> beforeCommit.accept(state));
            return state;
        });
    }

    /**
     * The events of the current batch, in order, so that a view can read the rows the whole batch needs in one query
     * rather than one row at a time as each event arrives.
     */
    public static List<EventMessage<?>> events() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<? extends Message<?>> messages = batch instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages()
                : List.of(batch.getMessage());
        return messages.stream()
                .filter(EventMessage.class::isInstance)
                .<EventMessage<?>>map(EventMessage.class::cast)
                .toList();
    }

    /**
     * The token the view holds once the current batch commits: its last event's, which is how far the view has read
     * then; null for a batch of events read without a token.
     */
    public static TrackingToken tokenAfter() {
        List<EventMessage<?>> events = events();
        return events.isEmpty() || !(events.get(events.size() - 1) instanceof TrackedEventMessage<?> last)
                ? null : last.trackingToken();
    }
}
