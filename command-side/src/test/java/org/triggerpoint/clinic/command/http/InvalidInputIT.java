package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is answered with a problem naming what is wrong, and stores nothing. */
@CommandSideIntegrationTest
class InvalidInputIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp api;
    StoredEvents events;
    User therapist;
    String sessionId;

    @BeforeEach
    void aSessionUnderWay() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
        therapist = api.newUser("THERAPIST");
        sessionId = api.newAssessedSession(therapist, api.newClient(therapist), api.newTherapist());
    }

    @Test
    void outOfRangeValuesAreEachNamed() {
        long before = events.count();

        Answer answer = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points/" + sessionId + "/release",
                Map.of("pressure", "STATIC", "holdSeconds", 601, "tissueResponse", "RELEASED",
                        "referredSensationReproduced", true, "pressurePainThresholdAfter", 21));

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).containsExactlyInAnyOrder("holdSeconds", "pressurePainThresholdAfter");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        Answer answer = api.post(therapist, "/api/clients", Map.of("givenName", "Avery"));

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).contains("familyName", "dateOfBirth", "consentToTreatment",
                "consentToDataProcessing");
    }

    @Test
    void aPainScoreOutsideTheNumericRatingScaleIsRefused() {
        for (int painScore : new int[]{-1, 11}) {
            Answer answer = api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                    Map.of("postSessionPainScore", painScore));
            assertProblem(answer, 400);
            assertThat(fieldsNamed(answer)).containsExactly("postSessionPainScore");
        }
    }

    @Test
    void anUnknownMuscleIsNamedWithTheMusclesThatAreKnown() {
        long before = events.count();

        Answer answer = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "NOT_A_MUSCLE", "side", "LEFT", "kind", "ACTIVE"));

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).containsExactly("muscle");
        assertThat(answer.body()).contains("UPPER_TRAPEZIUS");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() {
        Answer wrongType = api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", "three"));
        assertProblem(wrongType, 400);
        assertThat(fieldsNamed(wrongType)).containsExactly("postSessionPainScore");

        Answer unknownField = api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", 3, "signedBy", "someone else"));
        assertProblem(unknownField, 400);
        assertThat(fieldsNamed(unknownField)).containsExactly("signedBy");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Answer answer = api.raw(therapist, "POST", "/api/sessions/" + sessionId + "/trigger-points",
                "{\"muscle\": \"UPPER_TRAPEZIUS\", \"side\": ", "application/json");

        assertProblem(answer, 400);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Answer answer = api.raw(therapist, "POST", "/api/sessions/" + sessionId + "/trigger-points",
                "muscle=UPPER_TRAPEZIUS", "text/plain");

        assertProblem(answer, 415);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        long before = events.count();
        String huge = "x".repeat(3_000_000);
        String body = "{\"muscle\":\"UPPER_TRAPEZIUS\",\"side\":\"LEFT\",\"kind\":\"ACTIVE\",\"referralPattern\":\""
                + huge + "\"}";

        assertProblem(api.raw(therapist, "POST", "/api/sessions/" + sessionId + "/trigger-points", body,
                "application/json"), 413);
        assertProblem(api.chunked(therapist, "/api/sessions/" + sessionId + "/trigger-points", body.getBytes()), 413);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aTextLongerThanAllowedIsNamed() {
        Answer answer = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE", "referralPattern",
                        "x".repeat(5_000)));

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).containsExactly("referralPattern");
    }

    @Test
    void anUnknownSessionIsNotFound() {
        Answer answer = api.post(therapist, "/api/sessions/00000000-0000-0000-0000-000000000000/assessment",
                Map.of("painScore", 5, "painPattern", "x", "posture", "y", "movementRestrictions", List.of()));

        assertProblem(answer, 404);
    }

    @Test
    void aSessionIdThatIsNotAnIdIsNamed() {
        Answer answer = api.post(therapist, "/api/sessions/not-an-id/complete", Map.of("postSessionPainScore", 3));

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).containsExactly("sessionId");
    }

    @Test
    void anUnknownClientCannotStartASession() {
        Answer answer = api.post(therapist, "/api/sessions", Map.of(
                "clientId", "00000000-0000-0000-0000-000000000000", "therapistId", api.newTherapist()));

        assertProblem(answer, 404);
    }

    @Test
    void anAmendmentNeedsAReasonAndACorrection() {
        api.post(therapist, "/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", 3));

        Answer answer = api.post(therapist, "/api/sessions/" + sessionId + "/amendments", Map.of("reason", " "));

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).containsExactlyInAnyOrder("reason", "correction");
    }

    // Found by HostileInputProperties; kept here as fixed examples.

    @Test
    void aCodedValueIsItsNameExactlyNeverAnIndexOrAPaddedName() {
        long before = events.count();
        for (Object side : new Object[]{1, "1", "LEFT ", " LEFT", "LEFT\\u0000", "left", ""}) {
            Answer answer = api.raw(therapist, "POST", "/api/sessions/" + sessionId + "/trigger-points",
                    "{\"muscle\":\"UPPER_TRAPEZIUS\",\"kind\":\"ACTIVE\",\"side\":"
                            + (side instanceof String text ? "\"" + text + "\"" : side) + "}", "application/json");
            assertProblem(answer, 400);
            assertThat(fieldsNamed(answer)).as("side %s", side).containsExactly("side");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aBodyWithSomethingAfterItsObjectIsMalformed() {
        long before = events.count();

        Answer answer = api.raw(therapist, "POST", "/api/sessions/" + sessionId + "/complete",
                "{\"postSessionPainScore\":3}}", "application/json");

        assertProblem(answer, 400);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aTextNoViewCouldHoldIsNamed() {
        long before = events.count();
        for (String notes : new String[]{"a NUL \\u0000 inside", "half a pair \\ud83d alone", "\\udc00"}) {
            Answer answer = api.raw(therapist, "POST", "/api/sessions/" + sessionId + "/techniques",
                    "{\"technique\":\"GENTLE_MOVEMENT\",\"notes\":\"" + notes + "\"}", "application/json");
            assertProblem(answer, 400);
            assertThat(fieldsNamed(answer)).as(notes).containsExactly("notes");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aBlankIdInThePathIsNamed() {
        Answer answer = api.post(api.admin(), "/api/therapists/%20/deactivate", Map.of());

        assertProblem(answer, 400);
        assertThat(fieldsNamed(answer)).containsExactly("therapistId");
    }

    @Test
    void anEncodedSlashBackslashOrSemicolonInThePathIsAProblemNotAPage() {
        for (String segment : new String[]{"..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows", "x%3Bdrop", "%2e%2e%252f"}) {
            Answer answer = api.post(therapist, "/api/sessions/" + segment + "/complete",
                    Map.of("postSessionPainScore", 3));
            assertProblem(answer, 400);
        }
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    static List<String> fieldsNamed(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
