package org.triggerpoint.clinic.command.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.command.http.InvalidInputIT.assertProblem;

/** Erasure by key destruction, as an administrator asks for it over HTTP. */
@CommandSideIntegrationTest
class ErasingAClientIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp api;
    StoredEvents events;
    User therapist;
    String clientId;

    @BeforeEach
    void aClientWithASessionUnderWay() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
        therapist = api.newUser("THERAPIST");
        clientId = api.newClient(therapist);
    }

    @Test
    void insideTheRetentionPeriodErasureNeedsALegalBasisAndSaysUntilWhen() {
        Answer refused = api.post(api.admin(), "/api/clients/" + clientId + "/erasure",
                Map.of("reason", "Client asked to be forgotten"));

        assertProblem(refused, 409);
        assertThat(refused.json().get("rule").asText()).isEqualTo("within-retention-period");
        assertThat(refused.json().get("detail").asText()).contains("must be kept until 20");
        assertThat(hasKey(clientId)).isTrue();
    }

    @Test
    void erasureDestroysTheKeyAndRecordsWhyAndOnWhatBasis() {
        String sessionId = api.newAssessedSession(therapist, clientId, api.newTherapist());

        Answer erased = api.post(api.admin(), "/api/clients/" + clientId + "/erasure",
                Map.of("reason", "Client asked to be forgotten", "legalBasis", "GDPR Art. 17(1)(b), consent withdrawn"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(hasKey(clientId)).isFalse();
        StoredEvents.Row erasure = events.ofStream(clientId).get(events.ofStream(clientId).size() - 1);
        assertThat(erasure.simpleType()).isEqualTo("ClientDataErased");
        assertThat(erasure.payloadJson().get("legalBasis").asText()).isEqualTo("GDPR Art. 17(1)(b), consent withdrawn");
        assertThat(erasure.metaDataJson().get("actor").asText()).isEqualTo("admin");
        assertThat(erasure.metaDataJson().get("reason").asText()).isEqualTo("Client asked to be forgotten");

        Answer note = api.post(therapist, "/api/sessions/" + sessionId + "/techniques",
                Map.of("technique", "GENTLE_MOVEMENT", "notes", "Shoulder rolls"));
        assertProblem(note, 409);
        assertThat(note.json().get("rule").asText()).isEqualTo("client-data-erased");
        Answer intake = api.post(therapist, "/api/clients/" + clientId + "/intake",
                Map.of("conditions", List.of("RESTRICTED_MOBILITY")));
        assertProblem(intake, 409);
        assertThat(intake.json().get("rule").asText()).isEqualTo("client-data-erased");
        assertProblem(api.post(therapist, "/api/sessions", Map.of("clientId", clientId,
                "therapistId", api.newTherapist())), 409);
        assertThat(events.typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded");
    }

    @Test
    void onlyAnAdministratorErases() {
        assertProblem(api.post(therapist, "/api/clients/" + clientId + "/erasure",
                Map.of("reason", "x", "legalBasis", "y")), 403);
        assertProblem(api.post(api.admin(), "/api/clients/" + clientId + "/erasure", Map.of()), 400);
        assertProblem(api.post(api.admin(), "/api/clients/" + UUID.randomUUID() + "/erasure",
                Map.of("reason", "x", "legalBasis", "y")), 404);
    }

    @Test
    void personalValuesAreStoredEncrypted() {
        StoredEvents.Row registration = events.ofStream(clientId).get(0);

        assertThat(registration.payloadJson().at("/details/cipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(registration.payload()).doesNotContain("Avery", "Quinlan", "1984-03-12", "avery@example.org");
    }

    private boolean hasKey(String client) {
        return jdbc.sql("select data_key is not null from privacy.client_key where client_id = ?::uuid")
                .param(client).query(Boolean.class).single();
    }
}
