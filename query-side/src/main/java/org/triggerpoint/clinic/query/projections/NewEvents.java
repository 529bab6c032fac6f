package org.triggerpoint.clinic.query.projections;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * Tells the view processors that the command side stored events: it announces its commits that did
 * ({@code NOTIFY} on {@link EventStoreLayout#NEW_EVENTS_CHANNEL}, after each commit, several commits at once while it
 * is busy) and this listens on a connection of its own. Without an announcement for a second it signals anyway, so a
 * lost connection or notification, or events stored by a writer that does not announce them, delay a view by at most
 * that second, never stall it.
 * <p>
 * While commits stream in, it signals at most once per wake-up interval ({@code clinic.views.wake-up-interval}, see
 * {@link WakeUpPace}), two at once after a quiet spell: each signal then brings the views several events, which they
 * commit in a transaction per segment rather than one per event.
 */
@Component
public class NewEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NewEvents.class);
    private static final int QUIET_MILLIS = 1_000;
    private static final long RENEW_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int BURST = 2;

    private final DataSource dataSource;
    /** Used by the listener thread only. */
    private final WakeUpPace pace;
    private final Signals signals = new Signals();
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private Thread listener;

    NewEvents(DataSource dataSource, @Value("${clinic.views.wake-up-interval:20ms}") Duration wakeUpInterval) {
        if (wakeUpInterval.toMillis() >= QUIET_MILLIS) {
            throw new IllegalArgumentException("clinic.views.wake-up-interval is " + wakeUpInterval
                    + ": it must be under a second (the views hear of new events every second anyway)");
        }
        this.dataSource = dataSource;
        this.pace = new WakeUpPace(wakeUpInterval, BURST, System.nanoTime());
    }

    /** A number that changes with every signal: a reader compares it before and after it reads the store. */
    public long signals() {
        return signals.count();
    }

    /** Waits until a signal after {@code seen}, or the timeout; returns whether one came. */
    boolean awaitSignalAfter(long seen, long timeout, TimeUnit unit) throws InterruptedException {
        return signals.awaitAfter(seen, timeout, unit);
    }

    /**
     * Runs {@code listener} at every signal from now on, and once at once if there was a signal after {@code seen}:
     * an event processor registers once per stream and expects to hear of every new event after that.
     */
    void listen(long seen, Runnable listener) {
        listeners.add(listener);
        if (signals() != seen) {
            listener.run();
        }
    }

    void stopListening(Runnable listener) {
        listeners.remove(listener);
    }

    private void signal() {
        signals.signal();
        listeners.forEach(Runnable::run);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "new-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the event processors start, after they stop. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EventStoreLayout.NEW_EVENTS_CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                // The pool's connection goes back now and then, so it is renewed like any other.
                long renewAt = System.nanoTime() + RENEW_AFTER_NANOS;
                while (running && System.nanoTime() < renewAt) {
                    postgres.getNotifications(QUIET_MILLIS);
                    long delay = pace.delayOfNext(System.nanoTime());
                    if (delay > 0) {
                        TimeUnit.NANOSECONDS.sleep(delay);
                        // The commits announced meanwhile are in what the views read after this signal.
                        postgres.getNotifications();
                    }
                    signal();
                }
            } catch (InterruptedException e) {
                // Stopped while it waited to signal.
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for new events ({}); the views poll every second until it is back",
                            e.getMessage());
                    signal();
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(QUIET_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
