package org.triggerpoint.clinic.endtoend;

import org.triggerpoint.clinic.endtoend.Http.Answer;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A therapist at work, over HTTP: registers clients and records one whole session for each (intake, assessment, a
 * trigger point found and released, a technique, signing, soreness reported afterwards), varied by client so that
 * the analytics have many groups and months. Every command carries an {@code X-Request-Id} of its own, which its
 * events keep in their metadata, and every answer is logged, so a test can tell which commands were stored.
 */
final class TherapistAtWork {

    /**
     * One command sent ({@code sentAt} from {@link System#nanoTime()}) and how it was answered; status -1 when no
     * answer came at all, problem null on success.
     */
    record Sent(String requestId, String path, long sentAt, int status, long millis, String problem) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private static final String PASSWORD = "end-to-end-therapist-password-1";
    private static final List<String> CONDITIONS = List.of("NECK_SHOULDER_OR_JAW_TENSION",
            "TENSION_HEADACHE_OR_MIGRAINE", "LOW_BACK_AND_GLUTEAL_PAIN", "ROTATOR_CUFF_DYSFUNCTION");
    private static final List<String> MUSCLES = List.of("UPPER_TRAPEZIUS", "LEVATOR_SCAPULAE", "GLUTEUS_MEDIUS",
            "STERNOCLEIDOMASTOID", "TEMPORALIS");

    private final Http http;
    private final String commandUrl;
    private final String username;
    private final String therapistId;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger clientsRecorded = new AtomicInteger();

    private TherapistAtWork(Http http, String commandUrl, String username, String therapistId) {
        this.http = http;
        this.commandUrl = commandUrl;
        this.username = username;
        this.therapistId = therapistId;
    }

    /** The administrator creates the therapist's user and registers them as a therapist. */
    static TherapistAtWork hire(Http http, String commandUrl, String username) {
        Answer user = http.post(commandUrl + "/api/users", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("username", username, "password", PASSWORD, "roles", List.of("THERAPIST")));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        Answer therapist = http.post(commandUrl + "/api/therapists", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("displayName", "Therapist " + username, "licenseNumber", "RMT-" + username));
        assertThat(therapist.status()).as(therapist.body()).isEqualTo(201);
        return new TherapistAtWork(http, commandUrl, username, therapist.json().get("therapistId").asText());
    }

    /**
     * Records client number {@code n} with a whole signed session. Stops at the first command not answered with
     * success (what follows needs its id) and answers whether the whole record was stored.
     */
    boolean recordClient(int n) {
        Answer registered = send("/api/clients", Map.of("givenName", "Client" + n, "familyName", username + "-" + n,
                "dateOfBirth", "19" + (50 + n % 50) + "-0" + (1 + n % 9) + "-1" + n % 10,
                "consentToTreatment", true, "consentToDataProcessing", true));
        if (registered == null) {
            return false;
        }
        String clientId = registered.json().get("clientId").asText();
        if (send("/api/clients/" + clientId + "/intake", Map.of("conditions",
                List.of(CONDITIONS.get(n % CONDITIONS.size())), "history", "Desk work " + n)) == null) {
            return false;
        }
        Answer started = send("/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId,
                "startedAt", String.format("2025-%02d-%02dT09:00:00Z", 1 + n % 12, 1 + n % 28)));
        if (started == null) {
            return false;
        }
        String session = "/api/sessions/" + started.json().get("sessionId").asText();
        if (send(session + "/assessment", Map.of("painScore", 4 + n % 7, "painPattern", "Ache " + n,
                "posture", "Forward head", "movementRestrictions", List.of("Turning " + n))) == null) {
            return false;
        }
        Answer identified = send(session + "/trigger-points", Map.of("muscle", MUSCLES.get(n % MUSCLES.size()),
                "side", n % 2 == 0 ? "LEFT" : "RIGHT", "kind", "ACTIVE"));
        if (identified == null) {
            return false;
        }
        boolean stored = send(session + "/trigger-points/" + identified.json().get("triggerPointId").asText()
                + "/release", Map.of("pressure", n % 3 == 0 ? "INCREMENTAL" : "STATIC", "holdSeconds", 30 + n % 60,
                "tissueResponse", n % 4 == 0 ? "PARTIAL" : "RELEASED", "referredSensationReproduced", n % 2 == 0)) != null
                && send(session + "/techniques", Map.of("technique", "MYOFASCIAL_STRETCHING")) != null
                && send(session + "/complete", Map.of("postSessionPainScore", n % 5)) != null
                && send(session + "/soreness", Map.of("hoursAfterSession", n % 3 == 0 ? 72 : 24,
                "severity", n % 4, "resolved", n % 2 == 0)) != null;
        if (stored) {
            clientsRecorded.incrementAndGet();
        }
        return stored;
    }

    /** Every command sent so far, in the order sent. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    int clientsRecorded() {
        return clientsRecorded.get();
    }

    /** Sends one command as this therapist; the answer if it succeeded, else null. */
    private Answer send(String path, Object body) {
        String requestId = username + "." + requests.incrementAndGet();
        long started = System.nanoTime();
        Answer answer;
        try {
            answer = http.post(commandUrl + path, username, PASSWORD, body, Map.of("X-Request-Id", requestId));
        } catch (UncheckedIOException noAnswer) {
            sent.add(new Sent(requestId, path, started, -1, (System.nanoTime() - started) / 1_000_000,
                    noAnswer.getCause().toString()));
            return null;
        }
        int status = answer.status();
        Sent logged = new Sent(requestId, path, started, status, (System.nanoTime() - started) / 1_000_000,
                status >= 200 && status < 300 ? null : answer.body());
        sent.add(logged);
        return logged.succeeded() ? answer : null;
    }
}
