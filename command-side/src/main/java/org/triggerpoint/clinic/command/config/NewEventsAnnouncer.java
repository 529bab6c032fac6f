package org.triggerpoint.clinic.command.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.AfterCommit;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the views (the query side) that events were stored: once the transaction that appended them has committed,
 * {@code NOTIFY clinic_new_events}, sent by a thread of its own in a transaction of its own. The commits that land
 * while it sends, or within the {@code pause} after it, are announced together by its next notification: at most one
 * is on its way at any time, and at most one is sent per pause.
 * <p>
 * Why the pause: every notification is a transaction of PostgreSQL's, with a commit record, and wakes the views'
 * listening connection; the views act on them at most every 20 ms ({@code clinic.views.wake-up-interval} of the query
 * side) anyway. Without it, at 600 commands a second nearly every command cost a notification of its own
 * (BENCHMARKS.md, session 24). A commit after a quiet spell is announced at once; the pause only holds back those
 * that follow it closely, by less than the pause.
 * <p>
 * Why not in the command's own transaction, as a trigger on the event table did until migration V9: PostgreSQL
 * takes one database-wide lock to queue a transaction's notifications and holds it until that transaction has
 * committed, its WAL flushed to disk included, so the commands' commits went one at a time instead of sharing
 * flushes. With {@code synchronous_commit=on}, one-row insert transactions from 32 connections reached 3 382/s with a
 * NOTIFY in each, 18 833/s without (this machine, BENCHMARKS.md, session 15). This thread's notifications write
 * nothing, so they have no flush to wait for while they hold that lock. An announcement lost (the database away, the
 * process stopped just after a commit) delays the views by at most a second: they read the store every second
 * without one.
 */
@Component
class NewEventsAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NewEventsAnnouncer.class);

    private final DataSource dataSource;
    private final Duration pause;
    /** A permit for every commit not yet announced. */
    private final Semaphore unannounced = new Semaphore(0);
    private volatile boolean running;
    private boolean failing;
    private Thread announcer;

    /**
     * @param pause how long after a notification the next one waits at least; zero sends one as soon as the last is
     *              sent
     */
    NewEventsAnnouncer(DataSource dataSource, @Value("${clinic.announcements.pause}") Duration pause) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("The pause between announcements cannot be negative");
        }
        this.dataSource = dataSource;
        this.pause = pause;
    }

    /**
     * Announces the events the current transaction stores once it commits; at once when there is none (they are
     * committed already). Nothing is announced for a transaction that rolls back.
     */
    void eventsStored() {
        AfterCommit.run(unannounced::release);
    }

    @Override
    public void start() {
        running = true;
        announcer = new Thread(this::announceWhileRunning, "new-events-announcer");
        announcer.setDaemon(true);
        announcer.start();
    }

    @Override
    public void stop() {
        running = false;
        announcer.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before anything that stores events starts, after it stops. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }

    private void announceWhileRunning() {
        while (running) {
            try {
                unannounced.acquire();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            // This one notification announces every commit counted so far.
            unannounced.drainPermits();
            announce();
            try {
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void announce() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("NOTIFY " + EventStoreLayout.NEW_EVENTS_CHANNEL);
            if (failing) {
                log.info("Announcing new events to the views again");
                failing = false;
            }
        } catch (SQLException e) {
            if (!failing) {
                log.warn("Could not announce new events to the views ({}); they read the store every second",
                        e.getMessage());
                failing = true;
            }
        }
    }
}
