package org.triggerpoint.clinic.query.privacy;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys of the clients a batch registers are read before its events are decoded, all in one query. */
class ClientKeysIT {

    @Test
    void theKeysOfTheClientsABatchRegistersAreReadAheadAndTheirEventsFindThemCached() {
        try (TestDatabase database = TestDatabase.create()) {
            DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
            Flyway.configure().dataSource(dataSource).schemas("command", "events", "identity", "privacy")
                    .defaultSchema("command").locations("filesystem:../command-side/src/main/resources/db/migration")
                    .load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            ClientId anna = new ClientId(UUID.randomUUID());
            ClientId ben = new ClientId(UUID.randomUUID());
            ClientId registeredEarlier = new ClientId(UUID.randomUUID());
            List.of(anna, ben, registeredEarlier).forEach(client -> jdbc
                    .sql("insert into privacy.client_key (client_id, data_key) values (?, ?)")
                    .param(client.value()).param(PersonalDataCipher.newKey().getEncoded())
                    .update());
            ClientKeys keys = new ClientKeys(jdbc);

            keys.readAhead(List.of(registration(anna), sessionStartedFor(registeredEarlier), registration(ben)));
            jdbc.sql("delete from privacy.client_key").update(); // what is read from here on comes from the cache

            assertThat(keys.keyForReading(anna)).isPresent();
            assertThat(keys.keyForReading(ben)).isPresent();
            assertThat(keys.keyForReading(registeredEarlier)).as("not registered by the batch: not read ahead")
                    .isEmpty();
        }
    }

    private static DomainEventMessage<?> registration(ClientId client) {
        return new GenericDomainEventMessage<>("Client", client.toString(), 0, new ClientRegistered(client,
                new ClientDetails("Avery", "Quinlan", LocalDate.of(1984, 3, 12), "avery@example.org", "+1 555 0100"),
                Instant.now()));
    }

    private static DomainEventMessage<?> sessionStartedFor(ClientId client) {
        SessionId session = new SessionId(UUID.randomUUID());
        return new GenericDomainEventMessage<>("Session", session.value().toString(), 0,
                new SessionStarted(session, client, new TherapistId(UUID.randomUUID()), Instant.now()));
    }
}
