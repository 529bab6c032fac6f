package org.triggerpoint.clinic.command.common;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * An event-sourced repository that keeps aggregates in memory between commands instead of reading their whole stream
 * each time, and trusts a kept aggregate only while the store agrees with it. Another command-side node may have
 * appended to the stream since: so before a kept aggregate handles a command, the stream's last sequence number is
 * read (one index lookup, in the command's transaction) and the aggregate is read from the store again if it differs.
 * What appends between that check and the commit is caught by the store's unique (stream, sequence) key, which fails
 * the command as a concurrent change, as without the cache. {@code stillUsable} can refuse a kept aggregate for
 * reasons outside its stream (a client's data erased, say); it is then read from the store again too.
 */
public final class CheckedAggregateCache<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;
    private final Predicate<T> stillUsable;

    public CheckedAggregateCache(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache,
                                 Predicate<T> stillUsable) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
        this.stillUsable = stillUsable;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (!cache.containsKey(aggregateIdentifier)) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        EventSourcedAggregate<T> kept = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (agreesWithStore(aggregateIdentifier, kept)) {
            return kept;
        }
        cache.remove(aggregateIdentifier);
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    private boolean agreesWithStore(String aggregateIdentifier, EventSourcedAggregate<T> kept) {
        Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
        return Objects.equals(stored, kept.version()) && stillUsable.test(kept.getAggregateRoot());
    }
}
