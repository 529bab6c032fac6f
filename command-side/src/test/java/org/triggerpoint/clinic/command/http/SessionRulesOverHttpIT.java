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

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.command.http.InvalidInputIT.assertProblem;

/** A command the record's state forbids is answered 409 naming the rule, and stores nothing. */
@CommandSideIntegrationTest
class SessionRulesOverHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp api;
    StoredEvents events;
    User therapist;
    String clientId;
    String therapistId;

    @BeforeEach
    void aClientAndTheirTherapist() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
        therapist = api.newUser("THERAPIST");
        clientId = api.newClient(therapist);
        therapistId = api.newTherapist();
    }

    @Test
    void noTriggerPointAndNoCompletionBeforeTheAssessment() {
        String sessionId = api.post(therapist, "/api/sessions", Map.of("clientId", clientId,
                "therapistId", therapistId)).id("sessionId");

        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "LEVATOR_SCAPULAE", "side", "RIGHT", "kind", "LATENT")),
                "assessment-required-before-trigger-points", sessionId, 1);
        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", 2)), "assessment-required-before-completion", sessionId, 1);
        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/soreness",
                Map.of("hoursAfterSession", 24, "severity", 2, "resolved", false)),
                "soreness-only-after-completion", sessionId, 1);
    }

    @Test
    void aTriggerPointIsReleasedOnceAndOnlyIfIdentifiedInTheSession() {
        String sessionId = api.newAssessedSession(therapist, clientId, therapistId);
        String otherSession = api.newAssessedSession(therapist, clientId, therapistId);
        String elsewhere = api.post(therapist, "/api/sessions/" + otherSession + "/trigger-points",
                Map.of("muscle", "PIRIFORMIS", "side", "LEFT", "kind", "ACTIVE")).id("triggerPointId");
        String triggerPointId = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE")).id("triggerPointId");
        Map<String, Object> release = Map.of("pressure", "INCREMENTAL", "holdSeconds", 45,
                "tissueResponse", "PARTIAL", "referredSensationReproduced", false);

        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points/" + elsewhere + "/release",
                release), "trigger-point-not-identified-in-session", sessionId, 3);
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points/" + triggerPointId
                + "/release", release).status()).isEqualTo(204);
        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points/" + triggerPointId
                + "/release", release), "trigger-point-already-released", sessionId, 4);
    }

    @Test
    void aSignedRecordTakesOnlySorenessReportsAndAmendments() {
        String sessionId = api.newAssessedSession(therapist, clientId, therapistId);
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", 3)).status()).isEqualTo(204);

        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/techniques",
                Map.of("technique", "GENTLE_MOVEMENT")), "session-already-signed", sessionId, 3);
        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", 2)), "session-already-signed", sessionId, 3);
        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 5,
                "painPattern", "x", "posture", "y", "movementRestrictions", List.of())),
                "session-already-signed", sessionId, 3);
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/soreness",
                Map.of("hoursAfterSession", 30, "severity", 4, "resolved", false)).status()).isEqualTo(204);
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/amendments",
                Map.of("reason", "Typo in the post-session score", "postSessionPainScore", 4)).status())
                .isEqualTo(201);
    }

    @Test
    void anUnsignedRecordIsNotAmended() {
        String sessionId = api.newAssessedSession(therapist, clientId, therapistId);

        assertRefused(api.post(therapist, "/api/sessions/" + sessionId + "/amendments",
                Map.of("reason", "Wrong score", "painScore", 5)), "amendment-only-after-completion", sessionId, 2);
    }

    @Test
    void aClientWhoWithdrewConsentGetsNoNewSession() {
        api.post(therapist, "/api/clients/" + clientId + "/consent",
                Map.of("consentToTreatment", false, "consentToDataProcessing", true));
        long before = events.count();

        Answer answer = api.post(therapist, "/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId));

        assertProblem(answer, 409);
        assertThat(answer.json().get("rule").asText()).isEqualTo("client-consent-required");
        assertThat(answer.json().get("detail").asText()).contains("has not consented to treatment");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aDeactivatedTherapistStartsNoSession() {
        assertThat(api.post(api.admin(), "/api/therapists/" + therapistId + "/deactivate", Map.of()).status())
                .isEqualTo(204);

        Answer answer = api.post(therapist, "/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId));

        assertProblem(answer, 409);
        assertThat(answer.json().get("rule").asText()).isEqualTo("active-therapist-required");
    }

    private void assertRefused(Answer answer, String rule, String sessionId, int eventsInSession) {
        assertProblem(answer, 409);
        assertThat(answer.json().get("rule").asText()).isEqualTo(rule);
        assertThat(answer.header("X-Consistency-Token")).isNull();
        assertThat(events.ofStream(sessionId)).hasSize(eventsInSession);
    }
}
