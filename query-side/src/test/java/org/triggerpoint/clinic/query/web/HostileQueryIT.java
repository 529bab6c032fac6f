package org.triggerpoint.clinic.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp;
import org.triggerpoint.clinic.query.projections.Rebuilds;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.web.HostileQueryValues.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.web.HostileQueryValues.encoded;
import static org.triggerpoint.clinic.query.web.HostileQueryValues.pick;

/**
 * Hostile input at every endpoint of a running query side, in the path, the query string and the consistency token:
 * ids that are not ids, path traversal, SQL-looking text, huge and negative numbers, impossible dates, unknown names
 * for groupBy and format, parameters given twice or mistyped, NUL and control characters, broken percent-encoding and
 * half surrogate pairs, very long values. Never a 5xx; always {@code application/problem+json} with a 4xx; a 400
 * names the parameter in {@code errors}; and nothing changes: no event, no read-log row (a refused read is not a
 * read), no rebuild. Where hostile words are valid (the name search, the actor filter) they are answered as the
 * letters they are.
 *
 * <p>The cases are generated: each attack draws a fixed number from a {@link Random} seeded with {@link #SEED} and
 * the attack's name, going round the endpoints and parameters it applies to, so a failing case comes back on every
 * run. {@code -Dhostile.seed=N} tries others; the seed is in every test's name. The requests go out as written
 * ({@link RawRequests}), so broken escapes reach the server unchanged.
 */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQueryIT {

    static final long SEED = Long.getLong("hostile.seed", 20_261_128L);
    private static final String UNKNOWN_CLIENT = "00000000-0000-0000-0000-00000000dead";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    Rebuilds rebuilds;

    private final String mark = UUID.randomUUID().toString().substring(0, 6);

    enum Role { THERAPIST, ANALYST, AUDITOR, ADMIN }

    record Param(String name, Kind kind) {
    }

    /** An endpoint: who may call it, its path (with the id a path attack replaces), and its query parameters. */
    record Endpoint(String name, Role role, String method, String path, String pathId, List<Param> params) {

        String validQuery() {
            return params.stream().filter(param -> !param.name().equals("format"))
                    .map(param -> param.name() + "=" + encoded(HostileQueryValues.valid(param.kind())))
                    .reduce((a, b) -> a + "&" + b).map(query -> "?" + query).orElse("");
        }
    }

    /** One request to send, the answers it may get, and the names a 400 may give (any one; none: not checked). */
    record Attack(String description, Endpoint endpoint, String target, String consistencyToken,
                  Set<Integer> statuses, Set<String> fields) {

        Attack(String description, Endpoint endpoint, String target, String consistencyToken, Set<Integer> statuses,
               String field) {
            this(description, endpoint, target, consistencyToken, statuses, field == null ? Set.of() : Set.of(field));
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("client list", Role.THERAPIST, "GET", "/api/clients", null, List.of(
                    new Param("query", Kind.TEXT), new Param("page", Kind.PAGE), new Param("size", Kind.SIZE))),
            new Endpoint("client history", Role.THERAPIST, "GET", "/api/clients/" + UNKNOWN_CLIENT + "/history",
                    UNKNOWN_CLIENT, List.of(new Param("asOf", Kind.INSTANT))),
            new Endpoint("client export", Role.THERAPIST, "GET", "/api/clients/" + UNKNOWN_CLIENT + "/export",
                    UNKNOWN_CLIENT, List.of(new Param("format", Kind.EXPORT_FORMAT))),
            new Endpoint("outcomes", Role.ANALYST, "GET", "/api/analytics/outcomes", null, List.of(
                    new Param("groupBy", Kind.GROUP_BY), new Param("from", Kind.MONTH),
                    new Param("to", Kind.MONTH))),
            new Endpoint("audit trail", Role.AUDITOR, "GET", "/api/audit", null, List.of(
                    new Param("clientId", Kind.UUID), new Param("actor", Kind.TEXT),
                    new Param("from", Kind.INSTANT), new Param("to", Kind.INSTANT), new Param("page", Kind.PAGE),
                    new Param("size", Kind.SIZE), new Param("format", Kind.AUDIT_FORMAT))),
            new Endpoint("log verification", Role.AUDITOR, "GET", "/api/audit/verify", null, List.of()),
            new Endpoint("rebuild progress", Role.ADMIN, "GET", "/api/admin/projections/outcomes/rebuild",
                    "outcomes", List.of()),
            new Endpoint("rebuild", Role.ADMIN, "POST", "/api/admin/projections/outcomes/rebuild", "outcomes",
                    List.of()),
            new Endpoint("muscles", Role.THERAPIST, "GET", "/api/reference/muscles", null, List.of()),
            new Endpoint("conditions", Role.THERAPIST, "GET", "/api/reference/conditions", null, List.of()));

    private RawRequests requests;

    @BeforeAll
    void signUpOneUserPerRole() {
        requests = new RawRequests(port);
        for (Role role : Role.values()) {
            SignedInHttp.createUser(jdbc, passwordEncoder, user(role), role.name());
        }
    }

    private String user(Role role) {
        return "hostile-" + role.name().toLowerCase() + "-" + mark;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The well-formed request of each endpoint is answered, so each refusal below is the attack's doing. */
    @TestFactory
    Stream<DynamicTest> wellFormedRequestsAreAnswered() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.method().equals("GET")).map(endpoint ->
                DynamicTest.dynamicTest("well formed · " + endpoint.name(), () -> {
                    RawRequests.Answer answer = send(endpoint, endpoint.path() + endpoint.validQuery(), null);
                    assertThat(answer.status()).as(answer.body()).isIn(200, 404);
                }));
    }

    @TestFactory
    Stream<DynamicTest> wrongValuesAreRefusedNamingTheParameter() {
        return attacks("wrong value", 120, withParams(), (random, endpoint) -> {
            Param param = pick(random, endpoint.params().stream().filter(p -> p.kind() != Kind.TEXT).toList());
            String value = HostileQueryValues.wrong(random, param.kind());
            return refused("wrong " + param.name() + " '" + value + "'", endpoint, param, value);
        });
    }

    @TestFactory
    Stream<DynamicTest> extremeButValidValuesAreAnsweredOrRefusedNeverFailed() {
        return attacks("extreme value", 40, withParams(), (random, endpoint) -> {
            Param param = pick(random, endpoint.params());
            String value = HostileQueryValues.extreme(random, param.kind());
            // a valid value may still contradict another (from after to): then either of them is named
            Set<String> names = endpoint.params().stream().map(Param::name).collect(Collectors.toSet());
            return new Attack("extreme " + param.name() + " '" + value + "'", endpoint,
                    with(endpoint, param, value), null, Set.of(200, 400, 404), names);
        });
    }

    @TestFactory
    Stream<DynamicTest> hostileWordsAreSearchedForAsWords() {
        List<Endpoint> withText = ENDPOINTS.stream()
                .filter(endpoint -> endpoint.params().stream().anyMatch(param -> param.kind() == Kind.TEXT)).toList();
        return attacks("hostile words", 30, withText, (random, endpoint) -> {
            Param param = endpoint.params().stream().filter(p -> p.kind() == Kind.TEXT).findFirst().orElseThrow();
            String words = pick(random, HostileQueryValues.HOSTILE_TEXT);
            return new Attack("hostile " + param.name() + " '" + words + "'", endpoint,
                    with(endpoint, param, encoded(words)), null, Set.of(200), Set.of());
        });
    }

    @TestFactory
    Stream<DynamicTest> unknownParametersAreRefusedNamingThem() {
        return attacks("unknown parameter", 50, ENDPOINTS, (random, endpoint) -> {
            String name = endpoint.params().isEmpty() || random.nextInt(4) == 0
                    ? HostileQueryValues.typoOf(random, pick(random, List.of("size", "page", "query", "format")))
                    : HostileQueryValues.typoOf(random, pick(random, endpoint.params()).name());
            if (endpoint.params().stream().anyMatch(param -> param.name().equals(name))) {
                return null;
            }
            String query = endpoint.validQuery();
            String target = endpoint.path() + (query.isEmpty() ? "?" : query + "&") + encoded(name) + "=1";
            return new Attack("unknown parameter '" + name + "'", endpoint, target, null, Set.of(400), name);
        });
    }

    @TestFactory
    Stream<DynamicTest> repeatedParametersAreRefusedNamingThem() {
        return attacks("repeated parameter", 30, withParams(), (random, endpoint) -> {
            Param param = pick(random, endpoint.params());
            String first = HostileQueryValues.valid(param.kind());
            String second = random.nextBoolean() ? first : HostileQueryValues.extreme(random, param.kind());
            String query = endpoint.validQuery();
            String target = endpoint.path() + (query.isEmpty() ? "?" : query + "&") + param.name() + "="
                    + encoded(first) + "&" + param.name() + "=" + second;
            return new Attack(param.name() + " twice", endpoint, target, null, Set.of(400), param.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> controlCharactersAreRefusedNamingTheParameter() {
        return attacks("control character", 40, withParams(), (random, endpoint) -> {
            Param param = pick(random, endpoint.params());
            String control = pick(random, HostileQueryValues.CONTROL_CHARACTERS);
            String value = switch (random.nextInt(3)) {
                case 0 -> control;
                case 1 -> encoded(HostileQueryValues.valid(param.kind())) + control;
                default -> control + encoded(HostileQueryValues.valid(param.kind()));
            };
            return refused("control character in " + param.name() + " '" + value + "'", endpoint, param, value);
        });
    }

    @TestFactory
    Stream<DynamicTest> brokenEncodingsAreRefusedNamingTheParameter() {
        return attacks("broken encoding", 40, withParams(), (random, endpoint) -> {
            Param param = pick(random, endpoint.params());
            String value = pick(random, HostileQueryValues.BROKEN_ENCODINGS);
            return refused("broken encoding of " + param.name() + " '" + value + "'", endpoint, param, value);
        });
    }

    @TestFactory
    Stream<DynamicTest> longValuesAreRefusedNamingTheParameter() {
        return attacks("long value", 20, withParams(), (random, endpoint) -> {
            Param param = pick(random, endpoint.params());
            int length = random.nextInt(StrictQueryParameters.MAX_VALUE_LENGTH + 1, 7_000);
            return refused(param.name() + " of " + length + " characters", endpoint, param,
                    HostileQueryValues.longText(random, length));
        });
    }

    @TestFactory
    Stream<DynamicTest> hostilePathSegmentsAreRefused() {
        List<Endpoint> withIds = ENDPOINTS.stream().filter(endpoint -> endpoint.pathId() != null).toList();
        return attacks("hostile path segment", 50, withIds, (random, endpoint) -> {
            String segment = switch (random.nextInt(4)) {
                case 0 -> encoded(pick(random, HostileQueryValues.HOSTILE_TEXT)).replace("+", "%20");
                case 1 -> pick(random, List.of("..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f", "a%5cb",
                        "a;b", "a%3bb", "%00", "a%0Ab", "%25", "%252e%252e", "%ED%A0%80", "%zz"));
                case 1 + 1 -> pick(random, List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g",
                        "CLIENT-HISTORY", "Outcomes", "outcomes%20", "audit.csv", "client_history"));
                default -> HostileQueryValues.longText(random, random.nextInt(100, 5_000));
            };
            String target = endpoint.path().replace(endpoint.pathId(), segment);
            // a segment the firewall refuses (an encoded slash, percent, control character...) is named "path"
            Set<String> fields = endpoint.pathId().equals(UNKNOWN_CLIENT) ? Set.of("clientId", "path") : Set.of();
            return new Attack("path segment '" + segment + "'", endpoint, target, null, Set.of(400, 404), fields);
        });
    }

    @TestFactory
    Stream<DynamicTest> malformedConsistencyTokensAreRefused() {
        List<Endpoint> views = ENDPOINTS.stream().filter(endpoint -> endpoint.path().startsWith("/api/clients")
                || endpoint.path().startsWith("/api/analytics") || endpoint.path().equals("/api/audit")).toList();
        return attacks("malformed consistency token", 30, views, (random, endpoint) -> {
            String token = pick(random, List.of("v2.1", "v1.", "v1.-1", "v1.1e3", "v1.0x10", "1", "v1.1.2",
                    "v1.9999999999999999999", "'; DROP TABLE query.read_log; --", "../../etc/passwd", "null",
                    "v1.１２", "v1 .1"));
            return new Attack("X-Consistency-Token '" + token + "'", endpoint,
                    endpoint.path() + endpoint.validQuery(), token, Set.of(400), "X-Consistency-Token");
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<Endpoint> withParams() {
        return ENDPOINTS.stream().filter(endpoint -> !endpoint.params().isEmpty()).toList();
    }

    /** The endpoint's valid query with {@code param} set to the wire value {@code value}. */
    private static String with(Endpoint endpoint, Param param, String value) {
        String others = endpoint.params().stream().filter(p -> !p.equals(param) && !p.name().equals("format"))
                .map(p -> p.name() + "=" + encoded(HostileQueryValues.valid(p.kind())))
                .reduce("", (a, b) -> a + "&" + b);
        return endpoint.path() + "?" + param.name() + "=" + value + others;
    }

    private static Attack refused(String description, Endpoint endpoint, Param param, String value) {
        return new Attack(description, endpoint, with(endpoint, param, value), null, Set.of(400), param.name());
    }

    private Stream<DynamicTest> attacks(String kind, int count, List<Endpoint> endpoints,
                                        BiFunction<Random, Endpoint, Attack> generator) {
        Random random = new Random(SEED * 31 + kind.hashCode());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; tests.size() < count && i < count * 10; i++) {
            Attack attack = generator.apply(random, endpoints.get(i % endpoints.size()));
            if (attack != null) {
                String name = String.format("%s · %s %s · %s [seed %d, #%d]", kind, attack.endpoint().method(),
                        attack.endpoint().name(), attack.description(), SEED, tests.size() + 1);
                tests.add(DynamicTest.dynamicTest(name, () -> assertRefusedAndNothingChanged(attack)));
            }
        }
        return tests.stream();
    }

    private void assertRefusedAndNothingChanged(Attack attack) {
        long events = count("events.domain_event_entry");
        long reads = count("query.read_log");

        RawRequests.Answer answer = send(attack.endpoint(), attack.target(), attack.consistencyToken());

        String seen = attack.target() + " answered " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as(seen).isLessThan(500).isIn(attack.statuses());
        assertThat(count("events.domain_event_entry")).as("events stored after " + seen).isEqualTo(events);
        assertThat(Arrays.stream(View.values()).filter(rebuilds::isRebuilding)).as("rebuilds after " + seen).isEmpty();
        if (answer.status() == 200) {
            assertThat(answer.contentType()).as(seen).startsWith("application/json");
            return;
        }
        assertThat(answer.contentType()).as(seen).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(seen).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).as(seen).isNotBlank();
        assertThat(problem.path("detail").asText()).as(seen).isNotBlank();
        assertThat(answer.body()).as(seen).doesNotContain("Exception", "\tat ", "org.springframework");
        if (answer.status() == 400) {
            assertThat(count("query.read_log")).as("read-log rows after " + seen).isEqualTo(reads);
            // Tomcat refuses a request that is not well-formed HTTP (a path that is not UTF-8) before the application
            // reads it; it cannot tell which part was at fault, so its problem names no field.
            if (!attack.fields().isEmpty() && !refusedByTomcat(problem)) {
                assertThat(answer.namedFields()).as(seen).containsAnyElementsOf(attack.fields());
            }
        }
    }

    private static boolean refusedByTomcat(JsonNode problem) {
        return problem.path("title").asText().equals("Bad Request")
                && problem.path("detail").asText().contains("not well-formed HTTP");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private RawRequests.Answer send(Endpoint endpoint, String target, String consistencyToken) {
        String username = user(endpoint.role());
        return consistencyToken == null ? requests.send(endpoint.method(), target, username)
                : requests.send(endpoint.method(), target, username, "X-Consistency-Token", consistencyToken);
    }
}
