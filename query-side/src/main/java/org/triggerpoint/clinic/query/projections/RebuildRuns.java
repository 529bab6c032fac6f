package org.triggerpoint.clinic.query.projections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads the store into a view being rebuilt, from its first event up to where the store stood when the rebuild began,
 * and then hands the view back to its processor, which carries on from there.
 * <p>
 * A view's processor hands every event from a coordinator thread to a worker's queue, asking of each whether the
 * worker's segment takes it and counting the queue before each; in a rebuild that was more of the query side's CPU
 * than the views' own work (JFR). A rebuild has the view's one segment to itself (see {@code RebuildSegments}), so
 * this reads the events and hands each batch to the view's handlers itself, the way the processor's worker does: in
 * one unit of work and one transaction with the segment's token, so the view is never ahead of or behind its token,
 * and a batch that fails leaves nothing of itself. Should anything fail, the run stops and the processor takes the
 * view over from the last token stored (retrying as it does), so a rebuild never stalls on this path.
 * <p>
 * Runs under way at once keep within a page of each other ({@link Convoy}), so the views rebuilt together read each
 * page of the store once between them, and the views reading the same source decode each event once.
 * <p>
 * While a run is under way its view's processor is stopped: the run holds the segment's claim, in this node's name.
 */
@Component
class RebuildRuns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildRuns.class);
    private static final int SEGMENT = 0;
    /** Runs further apart than this many pages started at different times: they share no page, nor wait. */
    private static final int CONVOY_REACH_PAGES = 50;
    private static final long CONVOY_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Map<String, TailingEventSource> sources;
    private final Environment environment;
    private final MeterRegistry meters;
    private final Convoy convoy;
    private final Map<View, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;
    private volatile boolean running;

    RebuildRuns(TokenStore tokenStore, TransactionManager transactionManager, Map<String, TailingEventSource> sources,
                EventPages pages, Environment environment, MeterRegistry meters) {
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.sources = sources;
        this.environment = environment;
        this.meters = meters;
        this.convoy = new Convoy(pages.pageSize(), (long) CONVOY_REACH_PAGES * pages.pageSize(),
                CONVOY_PATIENCE_NANOS, System::nanoTime);
    }

    /**
     * Reads the store into {@code view}, whose processor is stopped and whose one segment starts from the first event,
     * up to {@code position}; then starts the processor. Returns at once.
     */
    synchronized void start(View view, StreamingEventProcessor processor, long position) {
        if (closed) {
            return;
        }
        Run run = new Run(view, processor, position);
        runs.put(view, run);
        threads.execute(run);
    }

    /** Whether a run of this node is reading the store into the view (its processor is then stopped). */
    boolean isUnderWay(View view) {
        return runs.containsKey(view);
    }

    /** Stops the view's run, if one is under way, and waits for it: its processor stays stopped. */
    void stop(View view) throws InterruptedException {
        Run run = runs.get(view);
        if (run != null) {
            run.stop();
        }
    }

    /** The processor takes the view over, unless the run was stopped (a new rebuild, or this process stopping). */
    private synchronized void handOver(Run run) {
        runs.remove(run.view, run);
        if (!closed && !run.stopped) {
            run.processor.start();
        }
    }

    @Override
    public void start() {
        running = true; // runs begin with a rebuild
    }

    /** Before the processors stop: a run stopped here is finished by the processor after the next start. */
    @Override
    public void stop() {
        synchronized (this) {
            closed = true;
        }
        for (Run run : runs.values()) {
            try {
                run.stop();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (no rebuild begins any more) and before Axon stops the view processors. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
    }

    private final class Run implements Runnable {

        private final View view;
        private final StreamingEventProcessor processor;
        private final long upTo;
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean stopped;

        private Run(View view, StreamingEventProcessor processor, long upTo) {
            this.view = view;
            this.processor = processor;
            this.upTo = upTo;
        }

        void stop() throws InterruptedException {
            stopped = true;
            ended.await();
        }

        @Override
        public void run() {
            String name = view.processorName();
            try {
                readUpTo(name);
            } catch (Exception failed) {
                log.warn("Rebuilding view {} stopped ({}); its processor carries on from the last batch stored",
                        name, failed.toString());
            } finally {
                releaseClaim(name);
                handOver(this);
                ended.countDown();
            }
        }

        private void readUpTo(String name) throws Exception {
            ViewHandlers handlers = ViewHandlers.of(((AbstractEventProcessor) processor).eventHandlerInvoker());
            int batchSize = environment.getProperty(
                    "axon.eventhandling.processors." + name + ".batch-size", Integer.class, 1);
            Counter read = Counter.builder("clinic.rebuild.events")
                    .description("Events read into the view by its rebuild (the rest its processor reads)")
                    .tag("processor", name)
                    .register(meters);
            TrackingToken token = transactionManager.fetchInTransaction(() -> tokenStore.fetchToken(name, SEGMENT));
            long done = 0;
            try (BlockingStream<TrackedEventMessage<?>> events = source(name).openStream(token)) {
                while (!stopped && !reached(token)) {
                    convoy.readOn(this, EventPosition.reachedBy(token), () -> stopped);
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && events.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                        batch.add(events.nextAvailable());
                    }
                    if (batch.isEmpty()) {
                        break; // the store holds nothing more yet (an event before the target still uncommitted)
                    }
                    token = batch.get(batch.size() - 1).trackingToken();
                    handle(name, handlers, batch, token);
                    read.increment(batch.size());
                    done += batch.size();
                }
            } finally {
                convoy.leave(this);
            }
            log.info("Rebuilding view {}: {} events read by the rebuild; {}", name, done,
                    stopped ? "stopped, its processor stays stopped" : "its processor takes over");
        }

        private boolean reached(TrackingToken token) {
            return EventPosition.reachedBy(token) >= upTo;
        }

        /** As the processor's worker does: one unit of work and one transaction, with the token after the batch. */
        private void handle(String name, ViewHandlers handlers, List<TrackedEventMessage<?>> batch,
                            TrackingToken after) throws Exception {
            UnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactionManager);
            unitOfWork.onPrepareCommit(committing -> tokenStore.storeToken(after, name, SEGMENT));
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                handlers.handle(unitOfWork.getMessage());
                return null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException("A batch of " + batch.size() + " events failed",
                        result.exceptionResult());
            }
        }

        private TailingEventSource source(String name) {
            String source = environment.getRequiredProperty("axon.eventhandling.processors." + name + ".source");
            TailingEventSource found = sources.get(source);
            if (found == null) {
                throw new IllegalStateException("No event source " + source + " for view " + name);
            }
            return found;
        }

        private void releaseClaim(String name) {
            try {
                transactionManager.executeInTransaction(() -> tokenStore.releaseClaim(name, SEGMENT));
            } catch (RuntimeException unreachable) {
                // The claim lapses by itself after the claim timeout, and the processor takes it then.
                log.debug("Could not release the claim of view {}: {}", name, unreachable.getMessage());
            }
        }
    }
}
