package org.triggerpoint.clinic.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp.Answer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over HTTP and in PostgreSQL: the events of two clients' records (one with a signed and amended
 * session, one erased) as changes, and reads of their records made by the test through the query side.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = "clinic.test.own-database=AuditTrailIT") // exact counts, and a table renamed
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    private static final String THERAPIST = "dana-therapist";
    private static final String AUDITOR = "audrey-auditor";
    private static final String ANALYST = "anil-analyst";
    private static final String ADMIN = "ada-admin";
    private static final Instant REGISTERED = Instant.parse("2025-01-10T09:00:00Z");
    private static final Instant ERASED = Instant.parse("2025-03-01T12:00:00Z");
    /** Personal values in the events; none may reach the audit tables. */
    private static final List<String> PERSONAL = List.of("Wilhelmina", "Quattlebaum", "wilhelmina@example.org",
            "1979-06-21", "+1 555 0199", "Ache behind the left eye since the divorce",
            "Client restated her pain after talking about her divorce", "Temple and behind the eye",
            "Less pain turning head", "Ottilie", "Brandvold", "1950-02-02");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;

    private final ClientId client = new ClientId(UUID.randomUUID());
    private final ClientId erasedClient = new ClientId(UUID.randomUUID());
    private final SessionId session = new SessionId(UUID.randomUUID());
    private final AmendmentId amendment = new AmendmentId(UUID.randomUUID());
    private final String registrationCorrelation = UUID.randomUUID().toString();
    private EventLog eventLog;
    private SignedInHttp http;
    /** The consistency token after the last event, for the audit view and the client-history view alike. */
    private String token;

    @BeforeAll
    void recordTwoClients() {
        for (String[] user : new String[][]{{THERAPIST, "THERAPIST"}, {AUDITOR, "AUDITOR"}, {ANALYST, "ANALYST"},
                {ADMIN, "ADMIN"}}) {
            SignedInHttp.createUser(jdbc, passwordEncoder, user[0], user[1]);
        }
        http = new SignedInHttp(port);
        eventLog = new EventLog(eventStore, jdbc);

        eventLog.append("Client", client, new ClientRegistered(client, new ClientDetails("Wilhelmina",
                "Quattlebaum", LocalDate.of(1979, 6, 21), "wilhelmina@example.org", "+1 555 0199"), minute(0)),
                minute(0), Map.of("actor", THERAPIST, "actorRoles", "THERAPIST",
                        "correlationId", registrationCorrelation, "requestId", "register-1"));
        change("Client", client, new ConsentGiven(client, ConsentScope.TREATMENT, minute(1)), 1);
        change("Session", session, new SessionStarted(session, client, new TherapistId(UUID.randomUUID()),
                minute(2)), 2);
        change("Session", session, new AssessmentRecorded(session, client, new PainScore(7),
                new FreeText("Ache behind the left eye since the divorce"), new FreeText("Forward head"),
                List.of(), List.of(BodyRegion.NECK), List.of(), minute(3)), 3);
        TriggerPointId triggerPoint = new TriggerPointId(UUID.randomUUID());
        change("Session", session, new TriggerPointIdentified(session, client, triggerPoint, Muscle.UPPER_TRAPEZIUS,
                Side.LEFT, TriggerPointKind.ACTIVE, new FreeText("Temple and behind the eye"),
                LocalTwitchResponse.VISIBLE, null, minute(4)), 4);
        change("Session", session, new TriggerPointReleased(session, client, triggerPoint, PressureTechnique.STATIC,
                new HoldDuration(60), TissueResponse.RELEASED, true, null, minute(5)), 5);
        // signed by a therapist who also administers the clinic: two roles, so a CSV field with a comma
        eventLog.append("Session", session, new SessionCompleted(session, client, new PainScore(3),
                new FreeText("Less pain turning head"), minute(6)), minute(6), THERAPIST, "ADMIN,THERAPIST");
        Instant amended = Instant.parse("2025-01-11T10:00:00Z");
        eventLog.append("Session", session, new SessionAmended(session, client, amendment,
                Set.of(AmendedField.PAIN_SCORE), painScore(7), painScore(6),
                new FreeText("Client restated her pain after talking about her divorce"), amended), amended,
                THERAPIST, "THERAPIST");

        eventLog.append("Client", erasedClient, new ClientRegistered(erasedClient, new ClientDetails("Ottilie",
                "Brandvold", LocalDate.of(1950, 2, 2), null, null), REGISTERED), REGISTERED,
                Map.of("actor", THERAPIST, "actorRoles", "THERAPIST", "correlationId", UUID.randomUUID().toString()));
        eventLog.append("Client", erasedClient, new ClientDataErased(erasedClient, "Retention period ended", null,
                        ERASED, ERASED), ERASED,
                Map.of("actor", ADMIN, "actorRoles", "ADMIN", "correlationId", UUID.randomUUID().toString(),
                        "reason", "Retention period ended"));
        token = eventLog.tokenAfterLastEvent();
    }

    @Test
    void everyStoredEventIsAChangeEntryWithActorRolesWhatClientCorrelationAndReason() {
        JsonNode entries = entries("/api/audit?clientId=" + client + "&size=100");

        List<JsonNode> changes = ofKind(entries, "CHANGE");
        assertThat(changes).extracting(entry -> entry.get("what").asText()).containsExactly("SessionAmended",
                "SessionCompleted", "TriggerPointReleased", "TriggerPointIdentified", "AssessmentRecorded",
                "SessionStarted", "ConsentGiven", "ClientRegistered");
        JsonNode registered = changes.get(changes.size() - 1);
        assertThat(registered.get("at").asText()).isEqualTo("2025-01-10T09:00:00Z");
        assertThat(registered.get("actor").asText()).isEqualTo(THERAPIST);
        assertThat(registered.get("roles")).extracting(JsonNode::asText).containsExactly("THERAPIST");
        assertThat(registered.get("clientId").asText()).isEqualTo(client.toString());
        assertThat(registered.get("stream").asText()).isEqualTo(client.toString());
        assertThat(registered.get("correlationId").asText()).isEqualTo(registrationCorrelation);
        assertThat(registered.get("requestId").asText()).isEqualTo("register-1");
        assertThat(registered.get("outcome").asText()).isEqualTo("RECORDED");
        JsonNode released = changes.get(2);
        assertThat(released.get("stream").asText()).isEqualTo(session.toString());
        assertThat(released.get("clientId").asText()).isEqualTo(client.toString());
        assertThat(changes.get(0).get("reason").asText())
                .isEqualTo("amendment " + amendment + ": its reason is recorded in the encrypted session record");

        JsonNode erasure = entries("/api/audit?clientId=" + erasedClient).get("items").get(0);
        assertThat(erasure.get("what").asText()).isEqualTo("ClientDataErased");
        assertThat(erasure.get("actor").asText()).isEqualTo(ADMIN);
        assertThat(erasure.get("reason").asText()).isEqualTo("Retention period ended");
    }

    @Test
    void aTherapistsReadOfAHistoryIsInTheReadLogWhenTheAnswerArrives() {
        String requestId = "history-" + UUID.randomUUID();
        Answer history = http.get("/api/clients/" + client + "/history", THERAPIST,
                "X-Consistency-Token", token, "X-Request-Id", requestId);

        assertThat(history.status()).isEqualTo(200);
        Map<String, Object> read = readLogRow(requestId);
        assertThat(read).containsEntry("actor", THERAPIST).containsEntry("actor_roles", "THERAPIST")
                .containsEntry("client_id", client.value()).containsEntry("outcome", "SERVED")
                .containsEntry("endpoint", "GET /api/clients/{clientId}/history");
        JsonNode logged = entries("/api/audit?clientId=" + client + "&actor=" + THERAPIST).get("items").get(0);
        assertThat(logged.get("kind").asText()).isEqualTo("READ");
        assertThat(logged.get("what").asText()).isEqualTo("ClientHistoryRead");
        assertThat(logged.get("requestId").asText()).isEqualTo(requestId);
    }

    @Test
    void anAnalystsRefusedReadOfAHistoryIsLoggedAsDenied() {
        String requestId = "denied-" + UUID.randomUUID();
        Answer refused = http.get("/api/clients/" + client + "/history?asOf=2025-01-10T10:00:00Z", ANALYST,
                "X-Request-Id", requestId);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(readLogRow(requestId)).containsEntry("actor", ANALYST).containsEntry("outcome", "DENIED")
                .containsEntry("client_id", client.value())
                .containsEntry("endpoint", "GET /api/clients/{clientId}/history?asOf=2025-01-10T10:00:00Z");
    }

    @Test
    void aReadOfAnUnknownClientIsLoggedAsNotFound() {
        String requestId = "unknown-" + UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        Answer notFound = http.get("/api/clients/" + unknown + "/export", AUDITOR,
                "Accept", "application/fhir+json", "X-Request-Id", requestId);

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(readLogRow(requestId)).containsEntry("actor", AUDITOR).containsEntry("outcome", "NOT_FOUND")
                .containsEntry("client_id", unknown).containsEntry("endpoint", "GET /api/clients/{clientId}/export as FHIR");
    }

    @Test
    void aSearchOfTheClientListIsLoggedWithTheLengthOfTheSearchTextNotTheText() {
        String requestId = "search-" + UUID.randomUUID();
        Answer list = http.get("/api/clients?query=Quattle&size=5", THERAPIST,
                "X-Consistency-Token", token, "X-Request-Id", requestId);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Quattlebaum");
        Map<String, Object> read = readLogRow(requestId);
        assertThat(read).containsEntry("outcome", "SERVED").containsEntry("endpoint",
                "GET /api/clients?query=[7 characters]&size=5");
        assertThat(read.get("client_id")).isNull();
    }

    @Test
    void entriesAreFilteredByClientActorAndTime() {
        JsonNode byAdmin = entries("/api/audit?actor=" + ADMIN);
        assertThat(byAdmin.get("items")).extracting(entry -> entry.get("what").asText())
                .containsExactly("ClientDataErased");

        JsonNode byClient = entries("/api/audit?clientId=" + erasedClient);
        assertThat(byClient.get("items")).allSatisfy(entry ->
                assertThat(entry.get("clientId").asText()).isEqualTo(erasedClient.toString()));
        assertThat(ofKind(byClient, "CHANGE")).hasSize(2);

        JsonNode threeMinutes = entries("/api/audit?from=2025-01-10T09:01:00Z&to=2025-01-10T09:04:00Z");
        assertThat(threeMinutes.get("items")).extracting(entry -> entry.get("what").asText())
                .containsExactly("AssessmentRecorded", "SessionStarted", "ConsentGiven");
        assertThat(threeMinutes.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void entriesComeNewestFirstAPageAtATime() {
        String changesOfClient = "/api/audit?clientId=" + client + "&to=2025-12-31T00:00:00Z&size=3";
        JsonNode first = entries(changesOfClient + "&page=0");
        JsonNode third = entries(changesOfClient + "&page=2");

        assertThat(first.get("total").asLong()).isEqualTo(8);
        assertThat(first.get("items")).extracting(entry -> entry.get("what").asText())
                .containsExactly("SessionAmended", "SessionCompleted", "TriggerPointReleased");
        assertThat(third.get("items")).extracting(entry -> entry.get("what").asText())
                .containsExactly("ConsentGiven", "ClientRegistered");
        assertThat(http.get("/api/audit?size=101", AUDITOR).json().get("errors").get(0).get("field").asText())
                .isEqualTo("size");
        assertThat(http.get("/api/audit?page=-1", AUDITOR).status()).isEqualTo(400);
        Answer badFrom = http.get("/api/audit?from=yesterday", AUDITOR);
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void theCsvExportHoldsTheSameEntriesAsTheJsonAnswer() {
        http.get("/api/clients/" + client + "/export", THERAPIST, "X-Consistency-Token", token,
                "Accept", "application/json", "X-Request-Id", "export, \"quoted\"");
        String filter = "/api/audit?clientId=" + client;
        JsonNode json = entries(filter + "&size=100");
        Answer byAccept = http.get(filter, AUDITOR, "Accept", "text/csv", "X-Consistency-Token", token);
        Answer byParameter = http.get(filter + "&format=csv", AUDITOR, "X-Consistency-Token", token);

        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("text/csv");
        assertThat(byParameter.body()).isEqualTo(byAccept.body());
        List<List<String>> rows = parseCsv(byAccept.body());
        assertThat(rows.get(0)).isEqualTo(AuditCsv.HEADER);
        assertThat(rows).hasSize(json.get("items").size() + 1);
        for (int i = 0; i < json.get("items").size(); i++) {
            JsonNode entry = json.get("items").get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(entry.get("kind").asText());
            assertThat(row.get(1)).isEqualTo(entry.get("at").asText());
            assertThat(row.get(2)).isEqualTo(entry.get("actor").asText());
            assertThat(row.get(3)).isEqualTo(rolesOf(entry));
            assertThat(row.get(4)).isEqualTo(entry.get("what").asText());
            assertThat(row.get(9)).isEqualTo(entry.get("requestId").asText(""));
            assertThat(row.get(10)).isEqualTo(entry.get("reason").asText(""));
        }
        // the export's own request id was not a safe token, so a new one was logged in its place
        assertThat(rows).noneMatch(row -> row.contains("export, \"quoted\""));
        assertThat(rows).anyMatch(row -> row.get(4).equals("ClientRecordExported"));
        assertThat(byAccept.body()).contains(",\"ADMIN,THERAPIST\",SessionCompleted,");
    }

    @Test
    void onlyAnAuditorMayReadTheAuditTrail() {
        assertThat(http.get("/api/audit", null).status()).isEqualTo(401);
        assertThat(http.get("/api/audit", THERAPIST).status()).isEqualTo(403);
        assertThat(http.get("/api/audit?format=csv", ANALYST).status()).isEqualTo(403);
        assertThat(http.get("/api/audit", AUDITOR).status()).isEqualTo(200);
    }

    @Test
    void noPersonalValueFromTheRecordsIsInTheAuditTables() {
        http.get("/api/clients/" + client + "/history", AUDITOR, "X-Consistency-Token", token);
        http.get("/api/clients?query=Wilhelmina", THERAPIST, "X-Consistency-Token", token);
        entries("/api/audit?clientId=" + client); // waits for the audit view to include every event

        String everyRow = jdbc.sql("select string_agg(row_to_json(entry)::text, ' ') from query.audit_entry entry")
                .query(String.class).single()
                + jdbc.sql("select string_agg(row_to_json(read)::text, ' ') from query.read_log read")
                .query(String.class).single();

        assertThat(everyRow).contains(client.toString()).contains("SessionAmended").contains("/history")
                .contains("query=[10 characters]");
        for (String personal : PERSONAL) {
            assertThat(everyRow).doesNotContainIgnoringCase(personal);
        }
    }

    @Test
    void theReadLogChainVerifiesAndARowChangedInPostgresIsFound() {
        String requestId = "tampered-" + UUID.randomUUID();
        http.get("/api/clients/" + client + "/history", THERAPIST, "X-Consistency-Token", token,
                "X-Request-Id", requestId);
        http.get("/api/clients/" + client + "/history", AUDITOR, "X-Consistency-Token", token);
        assertThat(verification().get("intact").asBoolean()).isTrue();
        long id = jdbc.sql("select id from query.read_log where request_id = ?").param(requestId)
                .query(Long.class).single();

        jdbc.sql("update query.read_log set actor = 'someone-else' where id = ?").param(id).update();
        JsonNode tampered = verification();
        jdbc.sql("update query.read_log set actor = ? where id = ?").params(THERAPIST, id).update();

        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.at("/firstBreak/where").asText()).isEqualTo("read log");
        assertThat(tampered.at("/firstBreak/position").asLong()).isEqualTo(id);
        assertThat(tampered.at("/firstBreak/what").asText()).contains("row " + id);
        JsonNode restored = verification();
        assertThat(restored.get("intact").asBoolean()).isTrue();
        assertThat(restored.get("readsChecked").asLong()).isGreaterThanOrEqualTo(2);
    }

    /** The whole check an auditor runs: event log, anchors and read log. */
    private JsonNode verification() {
        var answer = http.get("/api/audit/verify", AUDITOR);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aReadThatCannotBeLoggedIsNotServed() {
        jdbc.sql("alter table query.read_log rename to read_log_out_of_reach").update();
        Answer history;
        try {
            history = http.get("/api/clients/" + client + "/history", THERAPIST, "X-Consistency-Token", token);
        } finally {
            jdbc.sql("alter table query.read_log_out_of_reach rename to read_log").update();
        }

        assertThat(history.status()).isEqualTo(503);
        assertThat(history.contentType()).isEqualTo("application/problem+json");
        assertThat(history.json().get("title").asText()).isEqualTo("Read log unavailable");
        assertThat(history.body()).doesNotContain("Wilhelmina").doesNotContain("UPPER_TRAPEZIUS");
        assertThat(http.get("/api/clients/" + client + "/history", THERAPIST, "X-Consistency-Token", token)
                .status()).isEqualTo(200);
    }

    /** An event of the first client's record by the therapist, stored {@code minutes} after registration. */
    private void change(String streamType, Object streamId, Object event, int minutes) {
        eventLog.append(streamType, streamId, event, minute(minutes), THERAPIST, "THERAPIST");
    }

    private static Instant minute(int minutes) {
        return REGISTERED.plus(minutes, ChronoUnit.MINUTES);
    }

    private JsonNode entries(String path) {
        Answer answer = http.get(path, AUDITOR, "X-Consistency-Token", token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String rolesOf(JsonNode entry) {
        List<String> roles = new ArrayList<>();
        entry.get("roles").forEach(role -> roles.add(role.asText()));
        return String.join(",", roles);
    }

    private static List<JsonNode> ofKind(JsonNode page, String kind) {
        List<JsonNode> entries = new ArrayList<>();
        page.get("items").forEach(entry -> {
            if (entry.get("kind").asText().equals(kind)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private Map<String, Object> readLogRow(String requestId) {
        return jdbc.sql("select * from query.read_log where request_id = ?").param(requestId)
                .query().singleRow();
    }

    private static SessionRecordValues painScore(int points) {
        return new SessionRecordValues(new PainScore(points), null, null, null, null, null);
    }

    /** RFC 4180: fields split at commas outside quotes, "" inside quotes is one quote, rows end with CRLF. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the last row ends with CRLF").isEmpty();
        return rows;
    }
}
