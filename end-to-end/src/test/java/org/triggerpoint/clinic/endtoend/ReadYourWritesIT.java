package org.triggerpoint.clinic.endtoend;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.endtoend.Http.Answer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across the two processes: a read that carries a command's {@code X-Consistency-Token} sees that command's events,
 * and a token the views cannot reach in time gets a clear 503. Prints the commit-to-view lag it observed.
 */
class ReadYourWritesIT {

    private static final String PASSWORD = "end-to-end-user-password-1";
    private static RunningClinic clinic;
    private static final Http http = new Http();
    private static String therapist;
    private static String therapistId;

    @BeforeAll
    static void useTheSharedClinic() {
        clinic = SharedClinic.get();
        therapist = "dana-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(http.post(clinic.commandUrl() + "/api/users", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("username", therapist, "password", PASSWORD, "roles", List.of("THERAPIST"))).status())
                .isEqualTo(201);
        therapistId = http.post(clinic.commandUrl() + "/api/therapists", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("displayName", "Dana Whitfield", "licenseNumber", "RMT-E2E")).json().get("therapistId").asText();
    }

    @Test
    void aReadWithTheTokenOfACommandSeesThatCommand() {
        List<Long> lagMillis = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            if (round % 4 == 0) {
                pause(300); // let the views go idle, where a fixed poll would show
            }
            Answer registered = command("/api/clients", Map.of("givenName", "Avery", "familyName", "Quinlan" + round,
                    "dateOfBirth", "1984-03-12", "consentToTreatment", true, "consentToDataProcessing", true));
            String clientId = registered.json().get("clientId").asText();
            lagMillis.add(readHistory(clientId, registered, "Quinlan" + round));

            Answer started = command("/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId));
            String sessionId = started.json().get("sessionId").asText();
            lagMillis.add(readHistory(clientId, started, sessionId));

            command("/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 7,
                    "painPattern", "Ache from neck to temple", "posture", "Forward head",
                    "movementRestrictions", List.of()));
            Answer completed = command("/api/sessions/" + sessionId + "/complete",
                    Map.of("postSessionPainScore", 3, "notes", "Signed in round " + round));
            lagMillis.add(readHistory(clientId, completed, "Signed in round " + round));
        }
        Collections.sort(lagMillis);
        System.out.printf("commit-to-view lag over %d reads with a consistency token: p50=%d ms p99=%d ms max=%d ms%n",
                lagMillis.size(), percentile(lagMillis, 50), percentile(lagMillis, 99),
                lagMillis.get(lagMillis.size() - 1));
    }

    @Test
    void aTokenTheViewCannotReachInTimeIsAClear503() {
        Answer registered = command("/api/clients", Map.of("givenName", "Blake", "familyName", "Moreno",
                "dateOfBirth", "1990-01-01", "consentToTreatment", true, "consentToDataProcessing", true));
        String clientId = registered.json().get("clientId").asText();
        long beyond = position(registered) + 1_000_000;

        long started = System.nanoTime();
        Answer answer = http.get(clinic.queryUrl() + "/api/clients/" + clientId + "/history", therapist, PASSWORD,
                "v1." + beyond);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("does not include position " + beyond);
        assertThat(waitedMillis).isBetween(1_900L, 10_000L);
    }

    private Answer command(String path, Object body) {
        Answer answer = http.post(clinic.commandUrl() + path, therapist, PASSWORD, body);
        assertThat(answer.status()).as(answer.body()).isIn(201, 204);
        assertThat(answer.header("X-Consistency-Token")).isNotBlank();
        return answer;
    }

    /** Reads the history with the command's token; returns how long the read took, and checks what it shows. */
    private long readHistory(String clientId, Answer command, String expected) {
        long started = System.nanoTime();
        Answer history = http.get(clinic.queryUrl() + "/api/clients/" + clientId + "/history", therapist, PASSWORD,
                command.header("X-Consistency-Token"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains(expected);
        return millis;
    }

    private static long position(Answer answer) {
        String token = answer.header("X-Consistency-Token");
        return Long.parseLong(token.substring(token.indexOf('.') + 1));
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
