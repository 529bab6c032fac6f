package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view's processor tells the reads waiting for it of each batch it commits. */
@QuerySideIntegrationTest
class ViewProgressIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ViewProgress progress;

    @Test
    void eachViewSignalsTheBatchThatTookInTheStartOfASession() throws InterruptedException {
        Map<View, Long> before = new EnumMap<>(View.class);
        for (View view : View.values()) {
            before.put(view, progress.batches(view));
        }

        Instant now = Instant.now();
        ClientId client = new ClientId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        EventLog log = new EventLog(eventStore, jdbc);
        log.append("Client", client.value(), new ClientRegistered(client, new ClientDetails("Ada", "Lovelace",
                LocalDate.of(1985, 12, 10), "ada@example.org", "+1 555 0100"), now), now, "dana", "THERAPIST");
        log.append("Session", session.value(), new SessionStarted(session, client,
                new TherapistId(UUID.randomUUID()), now), now, "dana", "THERAPIST");

        for (View view : View.values()) {
            assertThat(progress.awaitBatchAfter(view, before.get(view), 30, TimeUnit.SECONDS))
                    .as("a batch of the %s view signalled", view.processorName())
                    .isTrue();
        }
    }
}
