package org.triggerpoint.clinic.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, on both processes: every endpoint the two apps serve, called by every kind of caller (no
 * credentials, a wrong password, and a user of each role), checked against the roles of shared/API.md:
 * <ul>
 *     <li>no credentials or a wrong password: 401 (health: 200 without credentials, but a wrong password is still
 *     a failed sign-in, 401);</li>
 *     <li>a signed-in role that API.md does not give the endpoint: 403;</li>
 *     <li>a role that API.md gives the endpoint: neither 401 nor 403 — a 2xx, or a 400/404/409 from the command's
 *     own rules (the bodies are valid, so in practice the commands answer 2xx; erasure without a legal basis inside
 *     the retention period answers 409).</li>
 * </ul>
 * Roles (API.md): ADMIN — users, therapists, erasure, projection rebuilds; THERAPIST — clients, intake, consent,
 * sessions and every session command, reading client list, histories and exports; ANALYST — /api/analytics/** only;
 * AUDITOR — /api/audit/**, client list, histories, exports; reference data and the OpenAPI description: any
 * signed-in user; health: anyone.
 * <p>
 * Each (endpoint, caller) pair is a dynamic test named like {@code "THERAPIST POST /api/therapists → 403"}; the
 * statuses actually seen are printed as a table at the end.
 */
class AccessMatrixIT {

    private static final String PASSWORD = "access-matrix-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Paths (as written in the test names) whose controller does not exist yet: allowed callers must get 404. */

    enum Caller {
        NO_CREDENTIALS, WRONG_PASSWORD, ADMIN, THERAPIST, ANALYST, AUDITOR;

        static final Set<Caller> ROLES = EnumSet.of(ADMIN, THERAPIST, ANALYST, AUDITOR);
    }

    enum Process { COMMAND, QUERY }

    /** One HTTP call as a case makes it: the concrete path, and the JSON body (null: none) and Accept header. */
    record Call(String path, Object body, String accept) {

        static Call of(String path) {
            return new Call(path, null, null);
        }

        static Call of(String path, Object body) {
            return new Call(path, body, null);
        }
    }

    /**
     * An endpoint: its process, method and path template (the test name), the roles API.md allows, whether it is
     * open to callers without credentials (health), and how to make a call for a given caller (run when the case
     * runs, so a case that changes state gets records of its own).
     */
    record Endpoint(Process process, String method, String template, Set<Caller> allowed, boolean open,
                    Function<Caller, Call> call) {

        String name() {
            return method + " " + template;
        }
    }

    private static RunningClinic clinic;
    private static final Map<Caller, String> usernames = new LinkedHashMap<>();
    private static final AtomicInteger counter = new AtomicInteger();
    /** Status seen per endpoint and caller, printed at the end. */
    private static final Map<String, Map<Caller, Integer>> seen = new LinkedHashMap<>();

    // The records the endpoints need, made once.
    private static String therapistId;
    private static String clientId;
    private static String erasureClientId;
    private static String openSessionId;
    private static String completedSessionId;

    @BeforeAll
    static void startTheClinicWithAUserPerRoleAndRecords() {
        clinic = new RunningClinic();
        usernames.put(Caller.ADMIN, "admin");
        for (Caller role : List.of(Caller.THERAPIST, Caller.ANALYST, Caller.AUDITOR)) {
            String username = "matrix-" + role.name().toLowerCase();
            succeeds(send(Process.COMMAND, "POST", Call.of("/api/users", Map.of("username", username,
                    "password", PASSWORD, "roles", List.of(role.name()))), "admin", RunningClinic.ADMIN_PASSWORD, null));
            usernames.put(role, username);
        }

        therapistId = newTherapist();
        clientId = newClient("Matrix");
        erasureClientId = newClient("Erasable");
        asTherapist("/api/clients/" + clientId + "/intake", Map.of("conditions", List.of("MYOFASCIAL_PAIN_SYNDROME"),
                "history", "Desk work", "goals", "Turn the head freely"));

        // A session with an assessment and a trigger point, left open (trigger points, techniques are added to it).
        openSessionId = newAssessedSession();
        String triggerPoint = identifyTriggerPoint(openSessionId);
        release(openSessionId, triggerPoint);

        // A signed session (soreness reports and amendments go to it).
        completedSessionId = newAssessedSession();
        HttpResponse<String> completed = asTherapist("/api/sessions/" + completedSessionId + "/complete",
                Map.of("postSessionPainScore", 3, "notes", "Signed"));

        // The query side must show the client before the views are read.
        HttpResponse<String> history = send(Process.QUERY, "GET",
                Call.of("/api/clients/" + clientId + "/history"), usernames.get(Caller.THERAPIST), PASSWORD,
                completed.headers().firstValue("X-Consistency-Token").orElseThrow());
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopAndPrintTheMatrix() {
        if (!seen.isEmpty()) {
            StringBuilder table = new StringBuilder("\nAccess matrix (status seen per caller):\n");
            table.append(String.format("%-80s", "endpoint"));
            for (Caller caller : Caller.values()) {
                table.append(String.format("%16s", caller));
            }
            table.append('\n');
            seen.forEach((endpoint, statuses) -> {
                table.append(String.format("%-80s", endpoint));
                for (Caller caller : Caller.values()) {
                    Integer status = statuses.get(caller);
                    table.append(String.format("%16s", status == null ? "-" : status));
                }
                table.append('\n');
            });
            System.out.println(table);
        }
        if (clinic != null) {
            clinic.close();
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointForEveryCaller() {
        return Stream.of(Process.values()).map(process -> DynamicContainer.dynamicContainer(
                process.name().toLowerCase() + " side",
                endpoints().stream().filter(endpoint -> endpoint.process() == process)
                        .flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> caseOf(endpoint, caller)))));
    }

    private static List<Endpoint> endpoints() {
        Set<Caller> admin = EnumSet.of(Caller.ADMIN);
        Set<Caller> therapist = EnumSet.of(Caller.THERAPIST);
        Set<Caller> readers = EnumSet.of(Caller.THERAPIST, Caller.AUDITOR);
        Set<Caller> analyst = EnumSet.of(Caller.ANALYST);
        Set<Caller> auditor = EnumSet.of(Caller.AUDITOR);
        Set<Caller> signedIn = Caller.ROLES;
        List<Endpoint> endpoints = new ArrayList<>();

        // Command side: users and therapists (ADMIN). Each case gets a throw-away user or therapist of its own, so
        // no role user nor `admin` is ever changed or deactivated.
        endpoints.add(command("POST", "/api/users", admin, caller -> Call.of("/api/users", Map.of(
                "username", "new-user-" + counter.incrementAndGet(), "password", PASSWORD,
                "roles", List.of("ANALYST")))));
        endpoints.add(command("PUT", "/api/users/{username}/roles", admin, caller -> Call.of(
                "/api/users/" + throwAwayUser() + "/roles", Map.of("roles", List.of("AUDITOR")))));
        endpoints.add(command("POST", "/api/users/{username}/deactivate", admin, caller -> Call.of(
                "/api/users/" + throwAwayUser() + "/deactivate")));
        endpoints.add(command("POST", "/api/therapists", admin, caller -> Call.of("/api/therapists", Map.of(
                "displayName", "Rowan Ashby", "licenseNumber", "RMT-" + counter.incrementAndGet()))));
        endpoints.add(command("POST", "/api/therapists/{therapistId}/deactivate", admin, caller -> Call.of(
                "/api/therapists/" + newTherapist() + "/deactivate")));

        // Command side: clients (THERAPIST), erasure (ADMIN).
        endpoints.add(command("POST", "/api/clients", therapist, caller -> Call.of("/api/clients", Map.of(
                "givenName", "Casey", "familyName", "Newcome", "dateOfBirth", "1979-05-30",
                "email", "casey@example.org", "phone", "+1 555 0100",
                "consentToTreatment", true, "consentToDataProcessing", true))));
        endpoints.add(command("POST", "/api/clients/{clientId}/intake", therapist, caller -> Call.of(
                "/api/clients/" + clientId + "/intake", Map.of("conditions",
                        List.of("NECK_SHOULDER_OR_JAW_TENSION", "TENSION_HEADACHE_OR_MIGRAINE"),
                        "history", "Long hours at a laptop", "goals", "Fewer headaches"))));
        // Consent stays given (true, true), so sessions for the client remain possible.
        endpoints.add(command("POST", "/api/clients/{clientId}/consent", therapist, caller -> Call.of(
                "/api/clients/" + clientId + "/consent",
                Map.of("consentToTreatment", true, "consentToDataProcessing", true))));
        // No legalBasis: inside the retention period an allowed ADMIN gets 409 and nothing is erased.
        endpoints.add(command("POST", "/api/clients/{clientId}/erasure", admin, caller -> Call.of(
                "/api/clients/" + erasureClientId + "/erasure", Map.of("reason", "Access matrix check"))));

        // Command side: sessions and every session command (THERAPIST). A command that closes or uses up state
        // (assessment, release, complete) gets a session of its own per case.
        endpoints.add(command("POST", "/api/sessions", therapist, caller -> Call.of("/api/sessions",
                Map.of("clientId", clientId, "therapistId", therapistId))));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/assessment", therapist, caller -> Call.of(
                "/api/sessions/" + newSession() + "/assessment", assessment())));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/trigger-points", therapist, caller -> Call.of(
                "/api/sessions/" + openSessionId + "/trigger-points", triggerPoint())));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/trigger-points/{triggerPointId}/release", therapist,
                caller -> {
                    String session = newAssessedSession();
                    return Call.of("/api/sessions/" + session + "/trigger-points/" + identifyTriggerPoint(session)
                            + "/release", releaseBody());
                }));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/techniques", therapist, caller -> Call.of(
                "/api/sessions/" + openSessionId + "/techniques",
                Map.of("technique", "MYOFASCIAL_STRETCHING", "notes", "Doorway stretch"))));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/complete", therapist, caller -> Call.of(
                "/api/sessions/" + newAssessedSession() + "/complete",
                Map.of("postSessionPainScore", 2, "notes", "Much easier"))));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/soreness", therapist, caller -> Call.of(
                "/api/sessions/" + completedSessionId + "/soreness",
                Map.of("hoursAfterSession", 24, "severity", 2, "resolved", true, "notes", "Stiff next morning"))));
        endpoints.add(command("POST", "/api/sessions/{sessionId}/amendments", therapist, caller -> Call.of(
                "/api/sessions/" + completedSessionId + "/amendments",
                Map.of("reason", "Pre-session score misheard", "painScore", 6))));

        // Command side: the OpenAPI description (any signed-in user) and health (anyone).
        endpoints.add(command("GET", "/v3/api-docs", signedIn, caller -> Call.of("/v3/api-docs")));
        endpoints.add(new Endpoint(Process.COMMAND, "GET", "/actuator/health", signedIn, true,
                caller -> Call.of("/actuator/health")));

        // Query side: the client list, histories and exports (THERAPIST, AUDITOR).
        endpoints.add(query("/api/clients", readers, caller -> Call.of("/api/clients?query=")));
        endpoints.add(query("/api/clients/{clientId}/history", readers, caller -> Call.of(
                "/api/clients/" + clientId + "/history")));
        endpoints.add(query("/api/clients/{clientId}/export", readers, caller -> new Call(
                "/api/clients/" + clientId + "/export", null, "application/json")));
        endpoints.add(query("/api/clients/{clientId}/export (Accept: application/fhir+json)", readers,
                caller -> new Call("/api/clients/" + clientId + "/export", null, "application/fhir+json")));

        // Query side: analytics (ANALYST only).
        endpoints.add(query("/api/analytics/outcomes?groupBy=month", analyst, caller -> Call.of(
                "/api/analytics/outcomes?groupBy=month")));

        // Query side: the audit trail and its verification (AUDITOR). NOT BUILT YET: no controller serves them, so
        endpoints.add(query("/api/audit", auditor, caller -> Call.of("/api/audit")));
        endpoints.add(query("/api/audit/verify", auditor, caller -> Call.of("/api/audit/verify")));

        // Query side: reference data and the OpenAPI description (any signed-in user), health (anyone).
        endpoints.add(query("/api/reference/muscles", signedIn, caller -> Call.of("/api/reference/muscles")));
        endpoints.add(query("/api/reference/conditions", signedIn, caller -> Call.of("/api/reference/conditions")));
        endpoints.add(query("/v3/api-docs", signedIn, caller -> Call.of("/v3/api-docs")));
        endpoints.add(new Endpoint(Process.QUERY, "GET", "/actuator/health", signedIn, true,
                caller -> Call.of("/actuator/health")));

        // Query side: projection rebuilds (ADMIN), last, and of the outcomes view, so no history read above can
        // meet a view being rebuilt.
        endpoints.add(query("/api/admin/projections/{name}/rebuild", admin, caller -> Call.of(
                "/api/admin/projections/outcomes/rebuild")));
        endpoints.add(new Endpoint(Process.QUERY, "POST", "/api/admin/projections/{name}/rebuild", admin, false,
                caller -> Call.of("/api/admin/projections/outcomes/rebuild")));
        return endpoints;
    }

    private static Endpoint command(String method, String template, Set<Caller> allowed,
                                    Function<Caller, Call> call) {
        return new Endpoint(Process.COMMAND, method, template, allowed, false, call);
    }

    private static Endpoint query(String template, Set<Caller> allowed, Function<Caller, Call> call) {
        return new Endpoint(Process.QUERY, "GET", template, allowed, false, call);
    }

    private static DynamicTest caseOf(Endpoint endpoint, Caller caller) {
        String expected = expected(endpoint, caller);
        String where = endpoint.process() == Process.COMMAND ? "" : " (query side)";
        String name = caller + " " + endpoint.name() + where + " → " + expected;
        return DynamicTest.dynamicTest(name, () -> {
            Call call = endpoint.call().apply(caller);
            HttpResponse<String> answer = switch (caller) {
                case NO_CREDENTIALS -> send(endpoint.process(), endpoint.method(), call, null, null, null);
                case WRONG_PASSWORD -> send(endpoint.process(), endpoint.method(), call, "admin",
                        "not-the-admin-password-9", null);
                case ADMIN -> send(endpoint.process(), endpoint.method(), call, "admin", RunningClinic.ADMIN_PASSWORD,
                        null);
                default -> send(endpoint.process(), endpoint.method(), call, usernames.get(caller), PASSWORD, null);
            };
            int status = answer.statusCode();
            synchronized (seen) {
                seen.computeIfAbsent(endpoint.process().name().toLowerCase() + " " + endpoint.name(),
                        key -> new LinkedHashMap<>()).put(caller, status);
            }
            String description = "[" + name + "] " + caller + " " + endpoint.method() + " " + call.path() + " answered " + status + ": "
                    + abbreviated(answer.body());
            if (expected.equals("allowed")) {
                assertThat(status).as(description + " — an allowed role must get through (not 401/403)")
                        .isNotIn(401, 403);
                assertThat(status == 400 || status == 404 || status == 409 || (status >= 200 && status < 300))
                        .as(description + " — an allowed role gets a 2xx, or 400/404/409 from the command's rules")
                        .isTrue();
            } else {
                int wanted = Integer.parseInt(expected.substring(0, 3));
                String why = switch (wanted) {
                    case 401 -> " — a call without valid credentials must be refused with 401";
                    case 403 -> " — API.md does not give this endpoint to " + caller;
                    default -> "";
                };
                assertThat(status).as(description + why).isEqualTo(wanted);
            }
        });
    }

    /** "401", "403", "200" or "allowed". */
    private static String expected(Endpoint endpoint, Caller caller) {
        if (caller == Caller.NO_CREDENTIALS) {
            return endpoint.open() ? "200" : "401";
        }
        if (caller == Caller.WRONG_PASSWORD) {
            return "401"; // even on health: a wrong password is a failed sign-in, not an anonymous call
        }
        if (!endpoint.allowed().contains(caller)) {
            return "403";
        }
        return endpoint.open() ? "200" : "allowed";
    }

    // --- records for the cases, made by the matrix users themselves -------------------------------------------

    private static String newTherapist() {
        return succeeds(send(Process.COMMAND, "POST", Call.of("/api/therapists", Map.of("displayName",
                "Morgan Hale", "licenseNumber", "RMT-M" + counter.incrementAndGet())), "admin",
                RunningClinic.ADMIN_PASSWORD, null)).get("therapistId").asText();
    }

    private static String throwAwayUser() {
        String username = "throw-away-" + counter.incrementAndGet();
        succeeds(send(Process.COMMAND, "POST", Call.of("/api/users", Map.of("username", username,
                "password", PASSWORD, "roles", List.of("ANALYST"))), "admin", RunningClinic.ADMIN_PASSWORD, null));
        return username;
    }

    private static String newClient(String givenName) {
        return succeeds(asTherapist("/api/clients", Map.of("givenName", givenName, "familyName", "Client",
                "dateOfBirth", "1985-02-14", "consentToTreatment", true, "consentToDataProcessing", true)))
                .get("clientId").asText();
    }

    private static String newSession() {
        return succeeds(asTherapist("/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId)))
                .get("sessionId").asText();
    }

    private static String newAssessedSession() {
        String session = newSession();
        succeeds(asTherapist("/api/sessions/" + session + "/assessment", assessment()));
        return session;
    }

    private static String identifyTriggerPoint(String session) {
        return succeeds(asTherapist("/api/sessions/" + session + "/trigger-points", triggerPoint()))
                .get("triggerPointId").asText();
    }

    private static void release(String session, String triggerPoint) {
        succeeds(asTherapist("/api/sessions/" + session + "/trigger-points/" + triggerPoint + "/release",
                releaseBody()));
    }

    private static Map<String, Object> assessment() {
        return Map.of("painScore", 7, "painPattern", "Ache from neck to temple", "posture", "Forward head",
                "movementRestrictions", List.of("Turning the head left"), "regions", List.of(),
                "rangeOfMotion", List.of(Map.of("joint", "cervical spine", "movement", "rotation", "side", "LEFT",
                        "degrees", 55, "active", true)));
    }

    private static Map<String, Object> triggerPoint() {
        return Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE",
                "referralPattern", "Up the neck to the temple", "localTwitchResponse", "VISIBLE",
                "pressurePainThreshold", 2.5);
    }

    private static Map<String, Object> releaseBody() {
        return Map.of("pressure", "STATIC", "holdSeconds", 90, "tissueResponse", "RELEASED",
                "referredSensationReproduced", true, "pressurePainThresholdAfter", 3.5);
    }

    private static HttpResponse<String> asTherapist(String path, Object body) {
        return send(Process.COMMAND, "POST", Call.of(path, body), usernames.get(Caller.THERAPIST), PASSWORD, null);
    }

    /** The JSON body of a command that a fixture needs to succeed (an empty object for a 204). */
    private static JsonNode succeeds(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("setting up: " + answer.request().method() + " " + answer.uri() + " → "
                + answer.body()).isBetween(200, 299);
        try {
            return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    private static HttpResponse<String> send(Process process, String method, Call call, String user,
                                             String password, String consistencyToken) {
        String base = process == Process.COMMAND ? clinic.commandUrl() : clinic.queryUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (call.accept() != null) {
            request.header("Accept", call.accept());
        }
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        if (call.body() != null) {
            try {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(call.body())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
