package org.triggerpoint.clinic.query.projections;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp.Answer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor lag gauges and the health of the processors, on a running query side: a stopped processor falls
 * behind by exactly the events stored meanwhile (and is reported DOWN), and is back at 0 once restarted and caught
 * up. Also who may read them: health's status is public, its parts and every metric are for ADMIN only.
 */
@QuerySideIntegrationTest
@AutoConfigureObservability(tracing = false) // tests export no metrics unless asked: /actuator/prometheus needs it
class ProjectionLagIT {

    private static final String LAG = "clinic.projection.lag.events";
    private static final String AGE = "clinic.projection.lag.seconds";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private SignedInHttp http;
    private final String admin = "lag-admin-" + UUID.randomUUID().toString().substring(0, 6);
    private final String therapist = "lag-therapist-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void signIn() {
        http = new SignedInHttp(port);
        SignedInHttp.createUser(jdbc, passwordEncoder, admin, "ADMIN");
        SignedInHttp.createUser(jdbc, passwordEncoder, therapist, "THERAPIST");
    }

    @Test
    void aStoppedProcessorLagsByTheEventsStoredMeanwhileAndCatchesUpToZero() {
        StreamingEventProcessor outcomes = processing.eventProcessor("outcomes", StreamingEventProcessor.class)
                .orElseThrow();
        await(LAG, "outcomes", lag -> lag == 0);
        outcomes.shutDown();
        try {
            new EventLog(eventStore, jdbc).registerTherapists(5, Instant.now().minus(Duration.ofHours(1)));

            await(LAG, "outcomes", lag -> lag == 5);
            assertThat(gauge(AGE, "outcomes")).isGreaterThanOrEqualTo(3_600);
            await(LAG, "client-history", lag -> lag == 0);
            assertThat(gauge(AGE, "client-history")).isZero();

            JsonNode metric = http.get("/actuator/metrics/" + LAG + "?tag=processor:outcomes", admin).json();
            assertThat(metric.at("/measurements/0/value").asDouble()).isEqualTo(5);
            assertThat(http.get("/actuator/prometheus", admin).body())
                    .contains("clinic_projection_lag_events{application=\"query-side\",processor=\"outcomes\"} 5.0")
                    .contains("clinic_projection_segment_lag_events{");

            Answer health = http.get("/actuator/health", admin);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/status").asText()).isEqualTo("DOWN");
            assertThat(health.json().at("/components/projections/details/outcomes/running").asBoolean()).isFalse();
            assertThat(health.json().at("/components/projections/details/outcomes/lagEvents").asLong()).isEqualTo(5);
        } finally {
            outcomes.start();
        }

        await(LAG, "outcomes", lag -> lag == 0);
        assertThat(gauge(AGE, "outcomes")).isZero();
        Answer health = http.get("/actuator/health", admin);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/projections/status").asText()).isEqualTo("UP");
    }

    @Test
    void healthIsPublicWithoutItsPartsAndMetricsAreForAdministratorsOnly() {
        Answer anyone = http.get("/actuator/health", null);
        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.json().at("/status").asText()).isEqualTo("UP");
        assertThat(anyone.json().has("components")).isFalse();
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        for (String path : new String[] {"/actuator/metrics", "/actuator/metrics/" + LAG, "/actuator/prometheus"}) {
            assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, therapist).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, admin).status()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/actuator/metrics", admin).json().at("/names").toString())
                .contains(LAG, AGE, "clinic.readlog.unrecorded", "hikaricp.connections.active");
    }

    private double gauge(String name, String processor) {
        return meters.get(name).tag("processor", processor).gauge().value();
    }

    /** Polls the gauge (its figures are at most a second old) until it satisfies {@code expected}, for 30 s. */
    private void await(String name, String processor, DoublePredicate expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        double value = gauge(name, processor);
        while (!expected.test(value) && System.nanoTime() < deadline) {
            sleep();
            value = gauge(name, processor);
        }
        assertThat(expected.test(value)).as("%s{processor=%s} was %s", name, processor, value).isTrue();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
