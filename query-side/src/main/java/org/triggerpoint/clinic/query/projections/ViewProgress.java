package org.triggerpoint.clinic.query.projections;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells a read that waits for its view to include an event ({@code X-Consistency-Token}) that the view's processor
 * has just committed a batch, so that it looks again at once rather than at its next poll. A read used to look every
 * 5 ms, so each one that had to wait waited up to 5 ms longer than its view took.
 * <p>
 * Each batch signals when it is over, after its commit and after the processor has moved the segment's position on:
 * Axon's pooled processor moves it as the batch commits (in the unit of work's after-commit phase), and the signal is
 * given in the phase after that (clean-up). Not heard here, so still seen only on the read's poll: batches of other
 * nodes, and events the view has no handler for, which move its position on without a batch.
 */
@Component
class ViewProgress implements ConfigurerModule {

    private static final String SIGNALLING = ViewProgress.class.getName() + ".signalling";

    private final Map<View, Signals> views = new EnumMap<>(View.class);

    ViewProgress() {
        for (View view : View.values()) {
            views.put(view, new Signals());
        }
    }

    /** Every view processor signals its committed batches here; other processors get no interceptor (null). */
    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processorName) -> View.named(processorName)
                        .<MessageHandlerInterceptor<? super EventMessage<?>>>map(this::signallingBatchesOf)
                        .orElse(null));
    }

    /** A number that changes with every batch the view commits on this node: taken before a read looks at the view. */
    long batches(View view) {
        return views.get(view).count();
    }

    /**
     * Waits until the view commits a batch after {@code seen} (its {@link #batches} when the caller last looked), or
     * the timeout; returns whether one came.
     */
    boolean awaitBatchAfter(View view, long seen, long timeout, TimeUnit unit) throws InterruptedException {
        return views.get(view).awaitAfter(seen, timeout, unit);
    }

    void batchCommitted(View view) {
        views.get(view).signal();
    }

    private MessageHandlerInterceptor<EventMessage<?>> signallingBatchesOf(View view) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(SIGNALLING, key -> {
                batch.onCleanup(over -> {
                    if (!over.isRolledBack()) {
                        batchCommitted(view);
                    }
                });
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }
}
