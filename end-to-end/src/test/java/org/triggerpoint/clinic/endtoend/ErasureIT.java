package org.triggerpoint.clinic.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.endtoend.Http.Answer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right to be forgotten in an immutable log: after an erasure, no personal value of the client is anywhere in
 * the database (a plain-text pg_dump of it all), the history shows the record as erased, the analytics are the same
 * as before, and every view still rebuilds from the events.
 */
class ErasureIT {

    private static final String PASSWORD = "end-to-end-user-password-1";
    private static final List<String> PERSONAL_VALUES = List.of("Zephyrine", "Oakhurst-Vale",
            "zephyrine.oakhurst@example.org", "555 0199", "1971-07-23", "Fell from a horse at Wexcombe",
            "Ride again by summer", "Burning under the left scapula", "Rounded shoulders, chin poking",
            "Reaching overhead", "Refers up into the jaw", "Wall slides, ten a day", "Much easier to reach up",
            "Achy for a day after the stable visit", "Pre-session score was misheard");

    private static RunningClinic clinic;
    private static final Http http = new Http();

    @BeforeAll
    static void start() {
        clinic = new RunningClinic();
        for (Map<String, Object> user : List.of(
                Map.<String, Object>of("username", "theo", "password", PASSWORD, "roles", List.of("THERAPIST")),
                Map.<String, Object>of("username", "ana", "password", PASSWORD, "roles", List.of("ANALYST")))) {
            assertThat(http.post(clinic.commandUrl() + "/api/users", "admin", RunningClinic.ADMIN_PASSWORD, user)
                    .status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (clinic != null) {
            clinic.close();
        }
    }

    @Test
    void anErasedClientLeavesNoPersonalValueInTheDatabaseAndTheAnalyticsUnchanged() throws Exception {
        String therapistId = http.post(clinic.commandUrl() + "/api/therapists", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("displayName", "Theo Marsh", "licenseNumber", "RMT-ERASE")).json().get("therapistId").asText();
        for (int other = 0; other < 5; other++) {
            recordClient("Other" + other, "Client" + other, "other" + other + "@example.org", "+1 555 01" + other,
                    "1980-01-0" + (other + 1), "Desk work", therapistId, false);
        }
        // Every text of the client to erase is theirs alone, so the dump check cannot be fooled by another record.
        String othersOnly = pgDump();
        assertThat(PERSONAL_VALUES).noneMatch(othersOnly::contains);
        String clientId = recordClient("Zephyrine", "Oakhurst-Vale", "zephyrine.oakhurst@example.org",
                "+1 555 0199", "1971-07-23", "Fell from a horse at Wexcombe", therapistId, true);
        String token = latestToken;
        String before = analytics(token);
        assertThat(history(clientId, token)).contains("Zephyrine", "Burning under the left scapula");

        Answer erased = http.post(clinic.commandUrl() + "/api/clients/" + clientId + "/erasure", "admin",
                RunningClinic.ADMIN_PASSWORD, Map.of("reason", "Client asked to be forgotten",
                        "legalBasis", "GDPR Art. 17(1)(b): consent withdrawn, no other legal ground"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        String afterErasure = erased.header("X-Consistency-Token");

        assertThat(history(clientId, afterErasure)).doesNotContain(PERSONAL_VALUES.toArray(String[]::new));
        assertThat(analytics(afterErasure)).isEqualTo(before);

        new Views(http, clinic.querySide()).rebuildAll(Duration.ofSeconds(60));
        assertThat(history(clientId, null)).doesNotContain(PERSONAL_VALUES.toArray(String[]::new));
        assertThat(analytics(null)).isEqualTo(before);

        String dump = pgDump();
        assertThat(dump).contains("ClientDataErased");
        assertThat(PERSONAL_VALUES).allSatisfy(value -> assertThat(dump).doesNotContain(value));
    }

    private static String latestToken;

    /** A client with a whole session; {@code theirOwnWords} gives them the texts of PERSONAL_VALUES. */
    private String recordClient(String given, String family, String email, String phone, String born,
                                String history, String therapistId, boolean theirOwnWords) {
        String words = theirOwnWords ? "" : " (" + family + ")";
        String clientId = command("/api/clients", Map.of("givenName", given, "familyName", family,
                "dateOfBirth", born, "email", email, "phone", phone, "consentToTreatment", true,
                "consentToDataProcessing", true)).json().get("clientId").asText();
        command("/api/clients/" + clientId + "/intake", Map.of("conditions", List.of("NECK_SHOULDER_OR_JAW_TENSION"),
                "history", history, "goals", theirOwnWords ? "Ride again by summer" : "Sleep through" + words));
        String sessionId = command("/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId))
                .json().get("sessionId").asText();
        command("/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 7,
                "painPattern", theirOwnWords ? "Burning under the left scapula" : "Ache" + words,
                "posture", theirOwnWords ? "Rounded shoulders, chin poking" : "Upright" + words,
                "movementRestrictions", List.of(theirOwnWords ? "Reaching overhead" : "Turning" + words)));
        String triggerPointId = command("/api/sessions/" + sessionId + "/trigger-points", Map.of(
                "muscle", "LEVATOR_SCAPULAE", "side", "LEFT", "kind", "ACTIVE",
                "referralPattern", theirOwnWords ? "Refers up into the jaw" : "Local" + words)).json().get("triggerPointId").asText();
        command("/api/sessions/" + sessionId + "/trigger-points/" + triggerPointId + "/release", Map.of(
                "pressure", "STATIC", "holdSeconds", 60, "tissueResponse", "RELEASED",
                "referredSensationReproduced", true));
        command("/api/sessions/" + sessionId + "/techniques", Map.of("technique", "NEUROMUSCULAR_REEDUCATION",
                "notes", theirOwnWords ? "Wall slides, ten a day" : "Stretches" + words));
        command("/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", 3,
                "notes", theirOwnWords ? "Much easier to reach up" : "Better" + words));
        command("/api/sessions/" + sessionId + "/soreness", Map.of("hoursAfterSession", 24, "severity", 2,
                "resolved", true, "notes", theirOwnWords ? "Achy for a day after the stable visit" : "Sore" + words));
        if (theirOwnWords) {
            command("/api/sessions/" + sessionId + "/amendments", Map.of("reason", "Pre-session score was misheard",
                    "painScore", 6));
        }
        return clientId;
    }

    private Answer command(String path, Object body) {
        Answer answer = http.post(clinic.commandUrl() + path, "theo", PASSWORD, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isIn(201, 204);
        latestToken = answer.header("X-Consistency-Token");
        return answer;
    }

    private String history(String clientId, String token) {
        Answer history = http.get(clinic.queryUrl() + "/api/clients/" + clientId + "/history", "theo", PASSWORD,
                token);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        return history.body();
    }

    private String analytics(String token) {
        StringBuilder all = new StringBuilder();
        for (String groupBy : List.of("condition", "muscle", "pressure", "therapist", "month")) {
            Answer answer = http.get(clinic.queryUrl() + "/api/analytics/outcomes?groupBy=" + groupBy, "ana", PASSWORD,
                    token);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            all.append(answer.body()).append('\n');
        }
        return all.toString();
    }

    private String pgDump() throws IOException, InterruptedException {
        URI url = URI.create(clinic.database().url().substring("jdbc:".length()));
        ProcessBuilder dump = new ProcessBuilder("pg_dump", "--no-owner", "-h", url.getHost(),
                "-p", String.valueOf(url.getPort()), "-U", clinic.database().user(), "-d", clinic.database().name());
        dump.environment().put("PGPASSWORD", clinic.database().password());
        dump.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = dump.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return text;
    }
}
