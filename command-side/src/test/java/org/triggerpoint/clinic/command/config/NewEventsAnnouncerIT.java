package org.triggerpoint.clinic.command.config;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New events are announced to the views after the transaction that stored them commits, by one announcement at a time
 * and at most one per pause, and never from within that transaction: the event table itself announces nothing (V9).
 */
class NewEventsAnnouncerIT {

    private static final long QUIET_MILLIS = 500;

    private TestDatabase database;
    private DataSource dataSource;
    private Connection views;

    @BeforeEach
    void listeningAsTheViewsDo() throws SQLException {
        database = TestDatabase.create();
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        views = dataSource.getConnection();
        try (Statement statement = views.createStatement()) {
            statement.execute("LISTEN " + EventStoreLayout.NEW_EVENTS_CHANNEL);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        views.close();
        database.close();
    }

    @Test
    void eventsStoredInATransactionAreAnnouncedOnceItCommitsAndNotWhenItRollsBack() throws Exception {
        NewEventsAnnouncer announcer = started(new NewEventsAnnouncer(dataSource, Duration.ZERO));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try {
            transaction.executeWithoutResult(status -> {
                announcer.eventsStored();
                status.setRollbackOnly();
            });
            assertThat(announcementsWithin(QUIET_MILLIS)).as("after a rollback").isEmpty();

            transaction.executeWithoutResult(status -> {
                announcer.eventsStored();
                assertThat(announcementsWithin(QUIET_MILLIS)).as("before the commit").isEmpty();
            });
            assertThat(announcementsUntilQuiet()).as("after the commit").hasSize(1);
        } finally {
            announcer.stop();
        }
    }

    @Test
    void commitsStoredWhileAnAnnouncementIsOnItsWayAreAnnouncedTogetherByTheNext() throws Exception {
        CountDownLatch firstAnnouncementSending = new CountDownLatch(1);
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        NewEventsAnnouncer announcer = started(new NewEventsAnnouncer(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                firstAnnouncementSending.countDown();
                try {
                    databaseAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.getConnection();
            }
        }, Duration.ZERO));
        try {
            announcer.eventsStored();
            assertThat(firstAnnouncementSending.await(5, TimeUnit.SECONDS)).isTrue();
            for (int commit = 0; commit < 5; commit++) {
                announcer.eventsStored();
            }
            databaseAnswers.countDown();

            assertThat(announcementsUntilQuiet()).as("the first commit's announcement, then one for the five stored meanwhile")
                    .hasSize(2);
        } finally {
            announcer.stop();
        }
    }

    @Test
    void commitsStoredWithinThePauseAfterAnAnnouncementAreAnnouncedTogetherOnceItHasPassed() throws Exception {
        Duration pause = Duration.ofSeconds(2);
        NewEventsAnnouncer announcer = started(new NewEventsAnnouncer(dataSource, pause));
        try {
            announcer.eventsStored();
            assertThat(announcementsWithin(5_000)).as("the first commit's, at once").hasSize(1);
            long firstHeard = System.nanoTime();
            for (int commit = 0; commit < 5; commit++) {
                announcer.eventsStored();
            }

            assertThat(announcementsWithin(pause.toMillis() / 2)).as("within the pause").isEmpty();
            assertThat(announcementsUntilQuiet()).as("once it has passed, one for the five").hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - firstHeard)).isGreaterThanOrEqualTo(pause);
        } finally {
            announcer.stop();
        }
    }

    @Test
    void aNegativePauseIsRefused() {
        assertThatThrownBy(() -> new NewEventsAnnouncer(dataSource, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventTableAnnouncesNothingByItself() throws SQLException {
        Flyway.configure().dataSource(dataSource).schemas("command", "events", "identity", "privacy")
                .defaultSchema("command").locations("classpath:db/migration").load().migrate();
        try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
            statement.execute("""
                    insert into events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload, meta_data)
                    values (gen_random_uuid()::text, 'client-a', 0, 'Client', '2026-12-06T09:00:00Z', 'ClientChanged',
                            '{}', '{}')""");
            statement.execute("NOTIFY " + EventStoreLayout.NEW_EVENTS_CHANNEL + ", 'after the insert'");
        }

        // Notifications arrive in the order their transactions committed: one from the insert would come first.
        assertThat(announcementsUntilQuiet()).extracting(PGNotification::getParameter)
                .containsExactly("after the insert");
    }

    private static NewEventsAnnouncer started(NewEventsAnnouncer announcer) {
        announcer.start();
        return announcer;
    }

    /** Every announcement heard from now until none has come for a while (the first within five seconds). */
    private List<PGNotification> announcementsUntilQuiet() {
        List<PGNotification> heard = announcementsWithin(5_000);
        boolean more = !heard.isEmpty();
        while (more) {
            List<PGNotification> next = announcementsWithin(QUIET_MILLIS);
            heard.addAll(next);
            more = !next.isEmpty();
        }
        return heard;
    }

    /** The announcements heard within {@code millis}: none, or those that came with the first. */
    private List<PGNotification> announcementsWithin(long millis) {
        try {
            PGNotification[] heard = views.unwrap(PGConnection.class).getNotifications((int) millis);
            return new ArrayList<>(heard == null ? List.of() : List.of(heard));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
