package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.CommandSideApplication;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;
import org.triggerpoint.clinic.localpostgres.ThrowAwayDatabase;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input thrown at every command endpoint of a running command side: malformed JSON, wrong types, missing and
 * extra fields, out-of-range numbers, huge strings and bodies, unknown enum names, unknown ids, path traversal and
 * SQL-looking text. Never a 5xx; always {@code application/problem+json} with a 4xx the contract names; a 400 about
 * a field names that field; and no event is stored. Hostile strings where free text is allowed are stored as given.
 *
 * <p>The cases are generated, not written out: each kind of attack draws a fixed number of them from a
 * {@link Random} seeded with {@link #SEED} (and the attack's name), going round the endpoints it applies to, so a
 * failing case comes back on every run. Run with {@code -Dhostile.seed=N} to try other cases; the seed in use is in
 * the name of every test.
 *
 * <p>The application is started here once, on a throw-away database of its own (not the context the other
 * {@code *IT} classes share), so counting all events before and after a request shows what that request stored:
 * the dynamic tests run one after another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    /** The seed of every case; override with {@code -Dhostile.seed=N} to explore others. */
    static final long SEED = Long.getLong("hostile.seed", 20_261_127L);

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

    @BeforeAll
    void startTheCommandSide() {
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

    @AfterAll
    void stopTheCommandSide() {
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

    private static List<Endpoint> withBodies() {
        return endpoints().stream().filter(Endpoint::hasBody).toList();
    }

    private static List<Endpoint> withFieldsOf(Kind... kinds) {
        return endpoints().stream().filter(endpoint -> endpoint.fields().stream()
                .anyMatch(field -> Arrays.asList(kinds).contains(field.kind()))).toList();
    }

    private static Field fieldOf(Random random, Endpoint endpoint, Kind... kinds) {
        List<Field> fields = endpoint.fields().stream()
                .filter(field -> kinds.length == 0 || Arrays.asList(kinds).contains(field.kind())).toList();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(endpoint.name() + " has no field of the kinds " + Arrays.toString(kinds));
        }
        return pick(random, fields);
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    /** One hostile string, or two of them joined by a space. */
    private static String hostile(Random random) {
        return random.nextBoolean() ? pick(random, HOSTILE) : pick(random, HOSTILE) + " " + pick(random, HOSTILE);
    }

    /** Between {@code min} and {@code max} characters from the given ones. */
    private static String randomString(Random random, String chars, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /**
     * Between {@code min} and {@code max} code points of any kind but NUL: mostly printable ASCII, with control
     * characters, the rest of the Basic Multilingual Plane (surrogates excepted) and the planes beyond it.
     */
    private static String anyText(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(10);
            int codePoint;
            if (roll < 6) {
                codePoint = 0x20 + random.nextInt(0x7F - 0x20);
            } else if (roll < 7) {
                codePoint = 0x01 + random.nextInt(0x1F);
            } else if (roll < 9) {
                do {
                    codePoint = 0x80 + random.nextInt(0x10000 - 0x80);
                } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
            } else {
                codePoint = 0x10000 + random.nextInt(Character.MAX_CODE_POINT + 1 - 0x10000);
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Drawing the cases

    /** Draws one case of an attack on the given endpoint; {@code null} when the draw is to be thrown away. */
    @FunctionalInterface
    interface Draw {
        Attack draw(Random random, Endpoint endpoint);
    }

    /**
     * {@code cases} dynamic tests of one kind of attack, going round the endpoints in an order the seed shuffles,
     * each case drawn from a random source seeded with {@link #SEED} and the name of the attack.
     */
    private static Stream<DynamicTest> attacks(String kind, int cases, List<Endpoint> endpoints, Draw draw) {
        Random random = new Random(SEED * 31 + kind.hashCode());
        List<Endpoint> order = new ArrayList<>(endpoints);
        Collections.shuffle(order, random);
        List<DynamicTest> tests = new ArrayList<>();
        int draws = 0;
        while (tests.size() < cases) {
            if (++draws > cases * 100) {
                throw new IllegalStateException("could not draw " + cases + " cases of " + kind + " with seed " + SEED);
            }
            Attack attack = draw.draw(random, order.get(tests.size() % order.size()));
            if (attack != null) {
                String name = String.format("%s · %s %s%s · %s [seed %d, #%d]", kind, attack.endpoint().method(),
                        template(attack.endpoint().path().apply(targets)),
                        attack.field() == null ? "" : " · " + attack.field(), shown(attack.what()), SEED,
                        tests.size() + 1);
                tests.add(DynamicTest.dynamicTest(name, () -> assertRefused(attack)));
            }
        }
        return tests.stream();
    }

    /** A path with the ids of the targets as placeholders. */
    private static String template(String path) {
        return path.replace(targets.username(), "{username}")
                .replace(targets.triggerPointId(), "{triggerPointId}")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
    }

    /** Text fit for a test's name: short, its control and format characters escaped. */
    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 80 ? shown + "…" : shown.toString();
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * An insertion inside a string value can by chance leave well-formed JSON (then it is another kind of attack,
     * covered by the other tests); trailing tokens after the object are malformed, and so kept.
     */
    private static boolean isWellFormedJson(String body) {
        try {
            STRICT.readTree(body);
            return !body.isBlank();
        } catch (Exception malformed) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Attacks, each refused: never a 5xx, a problem with the expected status, the field named, no event stored

    @TestFactory
    Stream<DynamicTest> malformedJsonIsRefused() {
        return attacks("malformed JSON", 50, withBodies(), (random, endpoint) -> {
            String valid = write(endpoint.validBody());
            String body = switch (random.nextInt(3)) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> {
                    int at = 1 + random.nextInt(valid.length() - 1);
                    yield valid.substring(0, at) + pick(random, "{", "}", "\"", ",", ":", "[", "]]", "\\", "'",
                            "\u0000", "NaN", "/*", "garbage") + valid.substring(at);
                }
                default -> pick(random, "{", "[1,2", "{\"a\":}", "{'single':'quotes'}", "{\"a\" 1}", "nul",
                        "{\"a\":1}}", "\uFEFF{", "{\"a\":\"unterminated}", "<xml/>", "--", "{\"a\":01}");
            };
            if (isWellFormedJson(body)) {
                return null;
            }
            return new Attack("malformed JSON '" + body + "'", endpoint, endpoint.path().apply(targets),
                    "application/json", body, Set.of(400), null);
        });
    }

    @TestFactory
    Stream<DynamicTest> wrongTypesAreRefusedNamingTheField() {
        return attacks("wrong type", 60, withBodies(), (random, endpoint) -> {
            Field field = fieldOf(random, endpoint);
            JsonNode value = pick(random, wrongTypeFor(field.kind()));
            ObjectNode body = endpoint.validBody();
            body.set(field.name(), value);
            return withBody("wrong type for " + field.name() + ": " + value, endpoint, body, field.name());
        });
    }

    private static List<JsonNode> wrongTypeFor(Kind kind) {
        JsonNode object = NODES.objectNode().put("nested", "value");
        JsonNode array = NODES.arrayNode().add(1).add("two");
        return switch (kind) {
            case TEXT -> List.of(object, array);
            case INT -> List.of(object, array, NODES.textNode("three"), NODES.numberNode(3.5), NODES.textNode("3.5"));
            case DECIMAL -> List.of(object, array, NODES.textNode("heavy"));
            case BOOL -> List.of(object, array, NODES.textNode("maybe"));
            case ENUM -> List.of(object, array, NODES.numberNode(1), NODES.textNode("1"));
            case UUID -> List.of(object, array, NODES.booleanNode(true), NODES.textNode("1234"));
            case DATE -> List.of(object, NODES.booleanNode(true), NODES.textNode("12/03/1984"));
            case INSTANT -> List.of(object, NODES.booleanNode(true), NODES.textNode("yesterday"));
            case TEXT_LIST -> List.of(object, NODES.numberNode(7), NODES.arrayNode().add(object));
            case ENUM_SET -> List.of(object, NODES.numberNode(7), NODES.arrayNode().add(object),
                    NODES.arrayNode().add(2));
        };
    }

    @TestFactory
    Stream<DynamicTest> missingFieldsAreRefusedNamingTheField() {
        List<Endpoint> withRequiredFields = withBodies().stream()
                .filter(endpoint -> endpoint.fields().stream().anyMatch(Field::required)).toList();
        return attacks("missing field", 50, withRequiredFields, (random, endpoint) -> {
            Field field = pick(random, endpoint.fields().stream().filter(Field::required).toList());
            boolean explicitNull = random.nextBoolean();
            ObjectNode body = endpoint.validBody();
            if (explicitNull) {
                body.putNull(field.name());
            } else {
                body.remove(field.name());
            }
            return withBody((explicitNull ? "null " : "missing ") + field.name(), endpoint, body, field.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> extraFieldsAreRefusedNamingTheField() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return attacks("extra field", 50, withBodies(), (random, endpoint) -> {
            String name = switch (random.nextInt(3)) {
                case 0 -> pick(random, "signedBy", "id", "sessionId", "role", "admin", "__proto__", "constructor",
                        "$where", "password", "clientId ", "PainScore", "@type");
                case 1 -> "extra" + randomString(random, letters, 1, 30);
                default -> hostile(random);
            };
            if (name.isEmpty()) {
                return null;
            }
            ObjectNode body = endpoint.validBody();
            if (body.has(name)) {
                name = name + "_extra";
            }
            String field = name;
            if (endpoint.fields().stream().anyMatch(f -> f.name().equals(field))) {
                return null;
            }
            body.put(name, hostile(random));
            return withBody("extra field " + name, endpoint, body, name);
        });
    }

    @TestFactory
    Stream<DynamicTest> outOfRangeNumbersAreRefusedNamingTheField() {
        return attacks("out of range", 50, withFieldsOf(Kind.INT, Kind.DECIMAL), (random, endpoint) -> {
            Field field = fieldOf(random, endpoint, Kind.INT, Kind.DECIMAL);
            JsonNode value = outOfRange(random, field);
            ObjectNode body = endpoint.validBody();
            body.set(field.name(), value);
            return withBody("out of range " + field.name() + " " + value, endpoint, body, field.name());
        });
    }

    private static JsonNode outOfRange(Random random, Field field) {
        int choices = field.kind() == Kind.DECIMAL ? 6 : 5;
        return switch (random.nextInt(choices)) {
            case 0 -> NODES.numberNode(field.min() - 1);
            case 1 -> NODES.numberNode(field.max() + 1);
            case 2 -> NODES.numberNode(random.nextLong(Long.MIN_VALUE / 2, field.min()));
            case 3 -> NODES.numberNode(random.nextLong(field.max() + 1, Long.MAX_VALUE / 2));
            case 4 -> NODES.numberNode(new BigDecimal(pick(random, "1e30", "-1e30", "99999999999999999999999999999",
                    "1e400", "-1e400")));
            default -> NODES.numberNode(new BigDecimal(pick(random, "-0.001", "20.0001", "20.5", "-1E-7")));
        };
    }

    @TestFactory
    Stream<DynamicTest> hugeStringsAreRefusedNamingTheField() {
        return attacks("huge string", 40, withBodies(), (random, endpoint) -> {
            Field field = fieldOf(random, endpoint);
            int limit = field.kind() == Kind.TEXT || field.kind() == Kind.TEXT_LIST ? (int) field.max() : 100;
            int length = random.nextInt(4) == 0 ? limit + 1 : random.nextInt(limit + 1, limit + 200_001);
            String huge = "A".repeat(length);
            ObjectNode body = endpoint.validBody();
            if (field.kind() == Kind.TEXT_LIST || field.kind() == Kind.ENUM_SET) {
                body.set(field.name(), NODES.arrayNode().add(huge));
            } else {
                body.put(field.name(), huge);
            }
            return withBody("huge " + field.name() + " (" + length + " chars)", endpoint, body, field.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> hugeBodiesAreRefusedAsTooLarge() {
        return attacks("huge body", 15, withBodies(), (random, endpoint) -> {
            int size = random.nextInt(MAX_BODY_BYTES + 1, MAX_BODY_BYTES * 3 + 1);
            String text = endpoint.validBody().toString();
            String padded = text.substring(0, text.length() - 1) + ",\"padding\":\""
                    + "x".repeat(size - text.length()) + "\"}";
            return new Attack("body of " + padded.length() + " bytes", endpoint, endpoint.path().apply(targets),
                    "application/json", padded, Set.of(413), null);
        });
    }

    @TestFactory
    Stream<DynamicTest> unknownEnumNamesAreRefusedNamingTheField() {
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        return attacks("unknown enum name", 50, withFieldsOf(Kind.ENUM, Kind.ENUM_SET), (random, endpoint) -> {
            Field field = fieldOf(random, endpoint, Kind.ENUM, Kind.ENUM_SET);
            String name = switch (random.nextInt(3)) {
                case 0 -> "NOT_" + randomString(random, upper, 1, 40);
                case 1 -> pick(random, "left", "Left", " LEFT", "LEFT ", "upper_trapezius", "ADMIN; DROP TABLE",
                        "RELEASED\u0000");
                default -> hostile(random);
            };
            ObjectNode body = endpoint.validBody();
            if (field.kind() == Kind.ENUM_SET) {
                body.set(field.name(), NODES.arrayNode().add(name));
            } else {
                body.put(field.name(), name);
            }
            return withBody("unknown " + field.name() + " '" + name + "'", endpoint, body, field.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> hostileStringsInTypedFieldsAreRefusedNamingTheField() {
        Kind[] typed = {Kind.INT, Kind.DECIMAL, Kind.BOOL, Kind.UUID, Kind.DATE, Kind.INSTANT};
        return attacks("hostile string in a typed field", 50, withFieldsOf(typed), (random, endpoint) -> {
            Field field = fieldOf(random, endpoint, typed);
            String text = hostile(random);
            // A blank string, and the word null (Jackson's "textual null"), read as "no value", which for an
            // optional field is a valid request that stores nothing of the text; and the words true and false
            // are a boolean's valid values, however they are sent.
            if (!field.required() && (text.isBlank() || text.strip().equals("null"))
                    || field.kind() == Kind.BOOL && text.strip().matches("(?i)true|false")) {
                return null;
            }
            ObjectNode body = endpoint.validBody();
            body.put(field.name(), text);
            return withBody("hostile " + field.name() + " '" + text + "'", endpoint, body, field.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> unknownIdsAreNotFound() {
        List<Endpoint> naming = endpoints().stream().filter(endpoint -> endpoint.pathToUnknown() != null
                || endpoint.fields().stream().anyMatch(field -> field.kind() == Kind.UUID)).toList();
        return attacks("unknown id", 40, naming, (random, endpoint) -> {
            List<Field> ids = endpoint.fields().stream().filter(field -> field.kind() == Kind.UUID).toList();
            int choice = random.nextInt(ids.size() + (endpoint.pathToUnknown() != null ? 1 : 0));
            if (choice == ids.size()) {
                return new Attack("unknown id in path", endpoint, endpoint.pathToUnknown().apply(targets),
                        endpoint.hasBody() ? "application/json" : null,
                        endpoint.hasBody() ? write(endpoint.validBody()) : null, endpoint.unknownAnswers(), null);
            }
            Field field = ids.get(choice);
            UUID unknown = new UUID(random.nextLong(), random.nextLong());
            ObjectNode body = endpoint.validBody();
            body.put(field.name(), unknown.toString());
            return new Attack("unknown " + field.name() + " " + unknown, endpoint, endpoint.path().apply(targets),
                    "application/json", write(body), Set.of(404), null);
        });
    }

    @TestFactory
    Stream<DynamicTest> hostilePathSegmentsAreRefused() {
        List<Endpoint> withIds = endpoints().stream().filter(endpoint -> endpoint.pathToUnknown() != null).toList();
        return attacks("hostile path segment", 50, withIds, (random, endpoint) -> {
            String text = hostile(random);
            String valid = endpoint.path().apply(targets);
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            return new Attack("hostile path segment '" + text + "'", endpoint, valid.replace(idIn(endpoint), encoded),
                    endpoint.hasBody() ? "application/json" : null,
                    endpoint.hasBody() ? write(endpoint.validBody()) : null, Set.of(400, 404), null);
        });
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
    @TestFactory
    Stream<DynamicTest> unstorableTextIsRefusedNamingTheField() {
        return attacks("unstorable text", 40, withFieldsOf(Kind.TEXT, Kind.TEXT_LIST), (random, endpoint) -> {
            Field field = fieldOf(random, endpoint, Kind.TEXT, Kind.TEXT_LIST);
            String escaped = pick(random, "\\u0000", "before\\u0000after", "\\ud83d", "half \\ud83d pair", "\\udc00",
                    "\\udc00\\ud83d", "x\\u0000");
            ObjectNode body = endpoint.validBody();
            String marker = "UNSTORABLE-TEXT-MARKER";
            if (field.kind() == Kind.TEXT_LIST) {
                body.set(field.name(), NODES.arrayNode().add(marker));
            } else {
                body.put(field.name(), marker);
            }
            return new Attack("unstorable " + field.name() + " '" + escaped + "'", endpoint,
                    endpoint.path().apply(targets), "application/json", write(body).replace(marker, escaped),
                    Set.of(400), field.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> wrongMediaTypesAreRefused() {
        return attacks("wrong media type", 40, withBodies(), (random, endpoint) -> {
            String type = pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "text/html");
            return new Attack("content type " + type, endpoint, endpoint.path().apply(targets), type,
                    write(endpoint.validBody()), Set.of(415), null);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hostile words where words are allowed

    /**
     * The free-text fields of a session take hostile strings as the words they are: accepted, and stored as one
     * more event of the session. (That they come back intact from the views is HostileTextRoundTripIT's part.)
     */
    @TestFactory
    Stream<DynamicTest> hostileFreeTextIsAcceptedAndStored() {
        Random random = new Random(SEED * 31 + "hostile free text".hashCode());
        List<DynamicTest> tests = new ArrayList<>();
        while (tests.size() < 50) {
            // Required free text (an amendment's reason) must not be blank as @NotBlank sees it: trimmed.
            String words = random.nextBoolean() ? hostile(random) : anyText(random, 1, 200);
            if (words.trim().isEmpty() || !isWellFormedUtf16(words) || words.indexOf('\u0000') >= 0) {
                continue;
            }
            FreeTextCommand command = pick(random, List.of(
                    new FreeTextCommand(targets.sessionId(), "/api/sessions/" + targets.sessionId() + "/techniques",
                            "notes", Map.of("technique", "MYOFASCIAL_STRETCHING", "notes", words), "TechniqueApplied"),
                    new FreeTextCommand(targets.sessionId(),
                            "/api/sessions/" + targets.sessionId() + "/trigger-points", "referralPattern",
                            Map.of("muscle", "LEVATOR_SCAPULAE", "side", "BILATERAL", "kind", "LATENT",
                                    "referralPattern", words), "TriggerPointIdentified"),
                    new FreeTextCommand(targets.completedSessionId(),
                            "/api/sessions/" + targets.completedSessionId() + "/soreness", "notes",
                            Map.of("hoursAfterSession", 24, "severity", 2, "resolved", true, "notes", words),
                            "SorenessReported"),
                    new FreeTextCommand(targets.completedSessionId(),
                            "/api/sessions/" + targets.completedSessionId() + "/amendments", "reason, painPattern",
                            Map.of("reason", words, "painPattern", words), "SessionAmended")));
            String name = String.format("hostile free text · POST %s · %s · '%s' [seed %d, #%d]",
                    template(command.path()), command.field(), shown(words), SEED, tests.size() + 1);
            tests.add(DynamicTest.dynamicTest(name, () -> assertAcceptedAndStored(command)));
        }
        return tests.stream();
    }

    record FreeTextCommand(String sessionId, String path, String field, Map<String, Object> body, String event) {
    }

    private static void assertAcceptedAndStored(FreeTextCommand command) {
        long before = events.count();
        List<String> typesBefore = events.typesOf(command.sessionId());

        Answer answer = api.post(therapist, command.path(), command.body());

        assertThat(answer.status()).as("%s → %s", command, answer.body()).isIn(201, 204);
        assertThat(events.count()).isEqualTo(before + 1);
        List<String> typesAfter = events.typesOf(command.sessionId());
        assertThat(typesAfter).hasSize(typesBefore.size() + 1);
        assertThat(typesAfter.get(typesAfter.size() - 1)).isEqualTo(command.event());
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
