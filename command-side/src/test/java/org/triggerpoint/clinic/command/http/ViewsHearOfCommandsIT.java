package org.triggerpoint.clinic.command.http;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side, listening on the database, hears of a command's events once the command has committed. */
@CommandSideIntegrationTest
class ViewsHearOfCommandsIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSourceProperties database;

    @Test
    void aStoredCommandIsAnnouncedOnTheNewEventsChannel() throws Exception {
        ClinicHttp api = new ClinicHttp(port);
        User therapist = api.newUser("THERAPIST");
        try (Connection views = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                database.determinePassword())) {
            try (Statement statement = views.createStatement()) {
                statement.execute("LISTEN " + EventStoreLayout.NEW_EVENTS_CHANNEL);
            }

            PGConnection listener = views.unwrap(PGConnection.class);
            listener.getNotifications(500); // the therapist's account announced, if it was not before

            api.newClient(therapist);

            PGNotification[] heard = listener.getNotifications(5_000);
            assertThat(heard).as("announcements within 5 s of the command's answer").isNotEmpty();
            assertThat(heard[0].getName()).isEqualTo(EventStoreLayout.NEW_EVENTS_CHANNEL);
        }
    }
}
