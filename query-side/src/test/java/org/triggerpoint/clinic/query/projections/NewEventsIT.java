package org.triggerpoint.clinic.query.projections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views hear of a commit or two at once, and of commits that stream in once per wake-up interval, with none left
 * unannounced. The interval is long here (half a second) so that what is asserted holds on a busy machine.
 */
class NewEventsIT {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private TestDatabase database;
    private NewEvents newEvents;
    private Connection commandSide;

    @BeforeEach
    void listening() throws Exception {
        database = TestDatabase.create();
        newEvents = new NewEvents(
                new DriverManagerDataSource(database.url(), database.user(), database.password()), INTERVAL);
        long before = newEvents.signals();
        newEvents.start();
        // Its first wait for an announcement ends after a quiet second with a signal: it is listening by then. The
        // burst is whole again an interval later; the next quiet signal comes a second later.
        assertThat(newEvents.awaitSignalAfter(before, 10, TimeUnit.SECONDS)).isTrue();
        commandSide = DriverManager.getConnection(database.url(), database.user(), database.password());
        pause(INTERVAL.toMillis() + 100);
    }

    @AfterEach
    void stopListening() throws SQLException {
        newEvents.stop();
        commandSide.close();
        database.close();
    }

    @Test
    void aCommitAfterAQuietSpellWakesTheViewsAtOnce() throws Exception {
        long before = newEvents.signals();

        announceACommit();

        assertThat(newEvents.awaitSignalAfter(before, INTERVAL.toMillis() / 2, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void commitsStreamingInWakeTheViewsTwiceAtOnceThenOncePerIntervalAndTheLastIsAnnounced() throws Exception {
        long before = newEvents.signals();
        long started = System.nanoTime();

        for (int commit = 0; commit < 6; commit++) {
            announceACommit();
            pause(50);
        }
        long streamedFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(streamedFor).as("streamed within the first interval").isLessThan(INTERVAL.toMillis() - 100);

        assertThat(newEvents.signals() - before).as("signals while the commits streamed in").isEqualTo(2);
        long afterStream = newEvents.signals();
        // The next wake-up is due an interval after the first, and announces every commit heard meanwhile.
        assertThat(newEvents.awaitSignalAfter(afterStream, 2 * INTERVAL.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        pause(INTERVAL.toMillis() / 2);
        assertThat(newEvents.signals() - before).as("signals in all").isEqualTo(3);
    }

    private void announceACommit() throws SQLException {
        try (Statement statement = commandSide.createStatement()) {
            statement.execute("notify " + EventStoreLayout.NEW_EVENTS_CHANNEL);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
