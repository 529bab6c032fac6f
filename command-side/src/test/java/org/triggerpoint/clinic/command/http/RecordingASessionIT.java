package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The README's walk-through: one whole session recorded over HTTP, and what the event store then holds. */
@CommandSideIntegrationTest
class RecordingASessionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp api;
    StoredEvents events;

    @BeforeEach
    void connect() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
    }

    @Test
    void aWholeSessionIsStoredAsReadableEventsNamingTheTherapistWhoActed() {
        User therapist = api.newUser("THERAPIST");
        String therapistId = api.newTherapist();

        Answer registered = api.post(therapist, "/api/clients", Map.of("givenName", "Avery", "familyName", "Quinlan",
                "dateOfBirth", "1984-03-12", "email", "avery@example.org",
                "consentToTreatment", true, "consentToDataProcessing", true));
        assertThat(registered.status()).isEqualTo(201);
        String clientId = registered.id("clientId");
        assertThat(registered.header("Location")).isEqualTo("/api/clients/" + clientId);
        assertThat(events.typesOf(clientId)).as("one command, three events")
                .containsExactly("ClientRegistered", "ConsentGiven", "ConsentGiven");
        assertThat(position(registered)).as("the position of the last")
                .isEqualTo(events.ofStream(clientId).get(2).globalIndex());

        assertThat(api.post(therapist, "/api/clients/" + clientId + "/intake", Map.of(
                "conditions", List.of("NECK_SHOULDER_OR_JAW_TENSION", "TENSION_HEADACHE_OR_MIGRAINE"),
                "history", "Desk work, headaches since spring", "goals", "Turn head freely")).status())
                .isEqualTo(204);

        Answer started = api.post(therapist, "/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId));
        assertThat(started.status()).isEqualTo(201);
        String sessionId = started.id("sessionId");

        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 7,
                "painPattern", "Ache from neck to temple", "posture", "Forward head",
                "movementRestrictions", List.of("Cervical rotation left limited"), "regions", List.of("NECK"),
                "rangeOfMotion", List.of(Map.of("joint", "CERVICAL", "movement", "ROTATION", "side", "LEFT",
                        "degrees", 45, "active", true)))).status()).isEqualTo(204);
        Answer identified = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points", Map.of(
                "muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE",
                "referralPattern", "Temple and behind the eye", "localTwitchResponse", "VISIBLE",
                "pressurePainThreshold", 2.5));
        assertThat(identified.status()).isEqualTo(201);
        String triggerPointId = identified.id("triggerPointId");
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points/" + triggerPointId + "/release",
                Map.of("pressure", "STATIC", "holdSeconds", 60, "tissueResponse", "RELEASED",
                        "referredSensationReproduced", true, "pressurePainThresholdAfter", 3.5)).status())
                .isEqualTo(204);
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/techniques", Map.of(
                "technique", "MYOFASCIAL_STRETCHING", "notes", "Gentle lateral neck stretch")).status()).isEqualTo(204);
        Answer completed = api.post(therapist, "/api/sessions/" + sessionId + "/complete", Map.of(
                "postSessionPainScore", 3, "notes", "Less pain turning head"));
        assertThat(completed.status()).isEqualTo(204);
        Answer soreness = api.post(therapist, "/api/sessions/" + sessionId + "/soreness", Map.of(
                "hoursAfterSession", 24, "severity", 3, "resolved", true, "notes", "Mild, gone by evening"));
        assertThat(soreness.status()).isEqualTo(204);
        assertThat(position(soreness)).isGreaterThan(position(completed));

        assertThat(events.typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded",
                "TriggerPointIdentified", "TriggerPointReleased", "TechniqueApplied", "SessionCompleted",
                "SorenessReported");
        assertThat(events.typesOf(clientId)).containsExactly("ClientRegistered", "ConsentGiven", "ConsentGiven",
                "IntakeRecorded");

        StoredEvents.Row release = events.ofStream(sessionId).get(3);
        JsonNode payload = release.payloadJson();
        assertThat(payload.get("triggerPointId").asText()).isEqualTo(triggerPointId);
        assertThat(payload.get("pressure").asText()).isEqualTo("STATIC");
        assertThat(payload.get("hold").asInt()).isEqualTo(60);
        assertThat(payload.get("clientId").asText()).isEqualTo(clientId);
        JsonNode metaData = release.metaDataJson();
        assertThat(metaData.get("actor").asText()).isEqualTo(therapist.name());
        assertThat(metaData.get("actorRoles").asText()).isEqualTo("THERAPIST");
        assertThat(metaData.get("correlationId").asText()).isNotBlank();
        assertThat(metaData.get("requestId").asText()).isNotBlank();
        assertThat(position(soreness)).isEqualTo(events.ofStream(sessionId).get(6).globalIndex());
    }

    @Test
    void anAmendmentKeepsTheOriginalBesideTheCorrectionAndItsReasonEncrypted() {
        User therapist = api.newUser("THERAPIST");
        String clientId = api.newClient(therapist);
        String sessionId = api.newAssessedSession(therapist, clientId, api.newTherapist());
        api.post(therapist, "/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", 3));

        Answer amended = api.post(therapist, "/api/sessions/" + sessionId + "/amendments", Map.of(
                "reason", "Client reported the pre-session score as 6, not 7", "painScore", 6));

        assertThat(amended.status()).isEqualTo(201);
        assertThat(amended.id("amendmentId")).isNotBlank();
        StoredEvents.Row amendment = events.ofStream(sessionId).get(3);
        assertThat(amendment.simpleType()).isEqualTo("SessionAmended");
        JsonNode payload = amendment.payloadJson();
        assertThat(payload.get("corrects")).hasSize(1);
        assertThat(payload.get("corrects").get(0).asText()).isEqualTo("PAIN_SCORE");
        assertThat(payload.at("/original/painScore").asInt()).isEqualTo(7);
        assertThat(payload.at("/corrected/painScore").asInt()).isEqualTo(6);
        assertThat(payload.at("/reason/cipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(amendment.payload()).doesNotContain("pre-session score");
        assertThat(amendment.metaData()).doesNotContain("pre-session score");
        assertThat(events.typesOf(sessionId)).startsWith("SessionStarted", "AssessmentRecorded", "SessionCompleted");
    }

    @Test
    void consentCanBeWithdrawnAndGivenAgain() {
        User therapist = api.newUser("THERAPIST");
        String clientId = api.newClient(therapist);

        assertThat(api.post(therapist, "/api/clients/" + clientId + "/consent", Map.of(
                "consentToTreatment", false, "consentToDataProcessing", true)).status()).isEqualTo(204);
        assertThat(api.post(therapist, "/api/clients/" + clientId + "/consent", Map.of(
                "consentToTreatment", true, "consentToDataProcessing", true)).status()).isEqualTo(204);

        assertThat(events.typesOf(clientId)).containsExactly("ClientRegistered", "ConsentGiven", "ConsentGiven",
                "ConsentWithdrawn", "ConsentGiven");
    }

    @Test
    void aClientWithALongHistoryIsLoadedFromASnapshot() {
        User therapist = api.newUser("THERAPIST");
        String clientId = api.newClient(therapist);
        for (int change = 0; change < 20; change++) {
            assertThat(api.post(therapist, "/api/clients/" + clientId + "/consent", Map.of(
                    "consentToTreatment", change % 2 == 1, "consentToDataProcessing", true)).status()).isEqualTo(204);
        }

        Long snapshots = jdbc.sql("select count(*) from events.snapshot_event_entry where aggregate_identifier = ?")
                .param(clientId).query(Long.class).single();
        assertThat(snapshots).isPositive();
        assertThat(api.post(therapist, "/api/clients/" + clientId + "/consent", Map.of(
                "consentToTreatment", false, "consentToDataProcessing", true)).status()).isEqualTo(204);
        assertThat(events.typesOf(clientId)).hasSize(24).endsWith("ConsentGiven", "ConsentWithdrawn");
    }

    private static long position(Answer answer) {
        String token = answer.header("X-Consistency-Token");
        return Long.parseLong(token.substring(token.indexOf('.') + 1));
    }
}
