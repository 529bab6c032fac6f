package org.triggerpoint.clinic.query.projections;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query side on a store that holds no event yet, as on a first start or right after restoring an empty backup.
 * Axon's JDBC store has no head token then; the rebuild progress once failed on it with a 500.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = "clinic.test.context=empty-event-store") // a context, and database, of its own
class EmptyEventStoreIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    MeterRegistry meters;

    @Test
    void rebuildProgressAndLagAreAnsweredBeforeTheFirstEvent() {
        assertThat(jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single()).isZero();
        SignedInHttp.createUser(jdbc, passwordEncoder, "empty-admin", "ADMIN");

        Answer progress = new SignedInHttp(port).get("/api/admin/projections/outcomes/rebuild", "empty-admin");

        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.json().path("eventsTotal").asLong()).isZero();
        assertThat(meters.get("clinic.projection.lag.events").tag("processor", "outcomes").gauge().value()).isZero();
    }
}
