package org.triggerpoint.clinic.query.clienthistory;

import ca.uhn.fhir.context.FhirContext;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.clienthistory.ClientStory.Entry;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.ANALYST;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.AUDITOR;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.THERAPIST;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.json;

/** {@code GET /api/clients/{clientId}/export}: the whole record as JSON, or as a FHIR R4 Bundle. */
@QuerySideIntegrationTest
class ClientExportIT {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;

    private SignedInRequests requests;
    private EventLog eventLog;

    @BeforeEach
    void signIn() {
        requests = new SignedInRequests(port, jdbc, passwordEncoder);
        eventLog = new EventLog(eventStore, jdbc);
    }

    @Test
    void theJsonExportHoldsTheWholeRecord() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3));

        HttpResponse<String> export = export(avery, THERAPIST, "application/json");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(json(export).at("/record/details/familyName").asText()).isEqualTo("Quinlan");
        assertThat(json(export).at("/record/sessions/0/completion/postSessionPainScore").asInt()).isEqualTo(3);
        assertThat(json(export).at("/exportedAt").asText()).isNotBlank();
    }

    @Test
    void theFhirExportIsABundleOfPatientEncounterPainScoresAndReleases() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.LEVATOR_SCAPULAE, 3));

        HttpResponse<String> export = export(avery, AUDITOR, "application/fhir+json");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/fhir+json"));
        Bundle bundle = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, export.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        Patient patient = only(bundle, Patient.class).get(0);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Quinlan");
        assertThat(only(bundle, Encounter.class)).singleElement().satisfies(encounter ->
                assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED));
        assertThat(only(bundle, Observation.class)).hasSize(2).allSatisfy(observation ->
                assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("72514-3"));
        assertThat(only(bundle, Observation.class)).extracting(observation ->
                ((IntegerType) observation.getValue()).getValue()).containsExactly(7, 3);
        assertThat(only(bundle, Procedure.class)).singleElement().satisfies(procedure ->
                assertThat(procedure.getBodySiteFirstRep().getText()).contains("LEVATOR_SCAPULAE"));
    }

    @Test
    void anAnalystCannotExportARecord() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY));

        assertThat(export(avery, ANALYST, "application/json").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> export(ClientStory story, String username, String accept) {
        return requests.get("/api/clients/" + story.clientId() + "/export", username,
                eventLog.tokenAfterLastEvent(), accept);
    }

    private ClientStory stored(ClientStory story) {
        for (Entry entry : story.entries()) {
            eventLog.append(entry.streamType(), entry.streamId(), entry.event(), entry.at(), entry.actor(),
                    "THERAPIST");
        }
        return story;
    }

    private static <T extends Resource> List<T> only(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }
}
