package org.triggerpoint.clinic.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.triggerpoint.clinic.endtoend.Http.Answer;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-side processes share the views' processors through the token store: each owns a fair share of every
 * processor's segments (2 of 4), both answer reads that carry a consistency token whichever node processes the
 * record's segment, a rebuild is refused while they share, and when one is killed (kill -9) the other owns every
 * segment within seconds and the views hold every event exactly once. The steps run in order on one clinic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoQueryNodesIT {

    private static final String PASSWORD = "end-to-end-user-password-1";
    private static final List<String> PROCESSORS = List.of("client-history", "outcomes", "audit");
    private static final int SEGMENTS = 4;
    private static final Http http = new Http();
    private static TestDatabase database;
    private static Sql sql;
    private static ClinicNode commandSide;
    private static ClinicNode queryA;
    private static ClinicNode queryB;
    private static String therapist;
    private static String therapistId;
    private static int sessionsRecorded;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        sql = new Sql(database);
        ClinicNode.Database where = new ClinicNode.Database(database.url(), database.user(), database.password());
        commandSide = ClinicNode.start(ClinicNode.Side.COMMAND, where);
        queryA = ClinicNode.start(ClinicNode.Side.QUERY, where, "--clinic.nodes.id=query-a");
        queryB = ClinicNode.start(ClinicNode.Side.QUERY, where, "--clinic.nodes.id=query-b");
        therapist = "dana";
        assertThat(http.post(commandSide.url() + "/api/users", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("username", therapist, "password", PASSWORD, "roles", List.of("THERAPIST"))).status())
                .isEqualTo(201);
        therapistId = http.post(commandSide.url() + "/api/therapists", "admin", RunningClinic.ADMIN_PASSWORD,
                Map.of("displayName", "Dana Whitfield", "licenseNumber", "RMT-Q2")).json().get("therapistId").asText();
    }

    @AfterAll
    static void stop() {
        for (ClinicNode node : new ClinicNode[]{queryB, queryA, commandSide}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeOwnsTwoOfTheFourSegmentsOfEveryProcessor() {
        long started = System.nanoTime();
        Map<String, Long> fairShare = Map.of("query-a", 2L, "query-b", 2L);
        awaitUpTo(20, () -> PROCESSORS.stream().allMatch(processor -> owners(processor).equals(fairShare)));
        System.out.printf("both query nodes owned 2 of 4 segments of every processor %d ms after the second"
                + " started%n", millis(started));
        PROCESSORS.forEach(processor -> assertThat(owners(processor)).as(processor).isEqualTo(fairShare));
    }

    @Test
    @Order(2)
    void bothNodesAnswerReadsWithAConsistencyTokenWhicheverNodeProcessesTheRecord() {
        for (int round = 0; round < 8; round++) {
            ClinicNode reader = round % 2 == 0 ? queryA : queryB;
            RecordedSession recorded = recordSession("Quinlan" + round);
            Answer history = http.get(reader.url() + "/api/clients/" + recorded.clientId() + "/history", therapist,
                    PASSWORD, recorded.token());
            assertThat(history.status()).as(reader + ": " + history.body()).isEqualTo(200);
            assertThat(history.body()).contains("Quinlan" + round, recorded.sessionId(), "Signed in " + round);
        }
    }

    @Test
    @Order(3)
    void aRebuildIsRefusedWhileAnotherNodeSharesTheView() {
        Answer refused = http.post(queryA.url() + "/api/admin/projections/client-history/rebuild", "admin",
                RunningClinic.ADMIN_PASSWORD, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("1 other query-side node(s) are running");
        assertThat(http.get(queryA.url() + "/api/clients?query=Quinlan", therapist, PASSWORD, null).json()
                .get("total").asInt()).isEqualTo(8);
    }

    @Test
    @Order(4)
    void killingANodeHandsAllItsSegmentsToTheSurvivorAndTheViewsHoldEveryEvent() {
        queryB.kill();
        long killed = System.nanoTime();
        // Recorded while the killed node's segments are orphaned: the survivor must project these too.
        RecordedSession last = null;
        for (int round = 0; round < 4; round++) {
            last = recordSession("Okafor" + round);
        }

        awaitUpTo(30, () -> PROCESSORS.stream().allMatch(processor ->
                owners(processor).equals(Map.of("query-a", (long) SEGMENTS))));
        long takeover = millis(killed);
        System.out.printf("the surviving query node owned every segment %d ms after the other was killed%n",
                takeover);
        assertThat(takeover).isLessThan(15_000);

        Answer history = http.get(queryA.url() + "/api/clients/" + last.clientId() + "/history", therapist, PASSWORD,
                last.token());
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains("Okafor3");
        assertViewsHoldEveryEventOnce();
    }

    @Test
    @Order(5)
    void theSurvivorAloneRebuildsAView() throws InterruptedException {
        String path = queryA.url() + "/api/admin/projections/client-history/rebuild";
        Answer accepted = http.post(path, "admin", RunningClinic.ADMIN_PASSWORD, Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitUpTo(60, () -> "UP_TO_DATE".equals(http.get(path, "admin", RunningClinic.ADMIN_PASSWORD, null).json()
                .get("state").asText()));

        assertViewsHoldEveryEventOnce();
    }

    private record RecordedSession(String clientId, String sessionId, String token) {
    }

    /** A client registered, with one session assessed and signed; the token of the last command. */
    private static RecordedSession recordSession(String familyName) {
        String round = familyName.replaceAll("\\D", "");
        String clientId = command("/api/clients", Map.of("givenName", "Avery", "familyName", familyName,
                "dateOfBirth", "1984-03-12", "consentToTreatment", true, "consentToDataProcessing", true))
                .json().get("clientId").asText();
        String sessionId = command("/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId))
                .json().get("sessionId").asText();
        command("/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 7, "painPattern", "Ache",
                "posture", "Forward head", "movementRestrictions", List.of()));
        Answer signed = command("/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", 3,
                "notes", "Signed in " + round));
        sessionsRecorded++;
        return new RecordedSession(clientId, sessionId, signed.header("X-Consistency-Token"));
    }

    private static Answer command(String path, Object body) {
        Answer answer = http.post(commandSide.url() + path, therapist, PASSWORD, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isIn(201, 204);
        return answer;
    }

    /**
     * Every stored event is in the audit trail once; every client and session is in the history view, each session
     * folded up to its stream's last event; every session is in the outcomes view, signed where it was signed.
     */
    private static void assertViewsHoldEveryEventOnce() {
        long events = sql.number("select count(*) from events.domain_event_entry");
        awaitUpTo(15, () -> sql.number("select count(*) from query.audit_entry") == events);
        assertThat(sql.number("""
                select count(*) from events.domain_event_entry e
                where not exists (select 1 from query.audit_entry a where a.position = e.global_index)""")).isZero();
        assertThat(sql.number("select count(*) from query.audit_entry")).isEqualTo(events);

        assertThat(countOf("SessionStarted")).isEqualTo(sessionsRecorded);
        assertThat(sql.number("select count(*) from query.history_client")).isEqualTo(countOf("ClientRegistered"))
                .isEqualTo(sessionsRecorded);
        assertThat(sql.number("select count(*) from query.history_session")).isEqualTo(sessionsRecorded);
        assertThat(sql.number("""
                select count(*) from query.history_session h
                where h.last_position <> (select max(global_index) from events.domain_event_entry e
                                          where e.aggregate_identifier = h.session_id::text)""")).isZero();
        assertThat(sql.number("select count(*) from query.outcome_session")).isEqualTo(sessionsRecorded);
        assertThat(sql.number("select count(*) from query.outcome_session where completed"))
                .isEqualTo(countOf("SessionCompleted")).isEqualTo(sessionsRecorded);
    }

    private static long countOf(String eventType) {
        return sql.number("select count(*) from events.domain_event_entry where payload_type like ?",
                "%." + eventType);
    }

    /** Segments per owner of the processor's token claims (a released segment's owner is null: not counted). */
    private static Map<String, Long> owners(String processor) {
        Map<String, Long> owners = new TreeMap<>();
        sql.column("select owner from query.token_entry where processor_name = ? and owner is not null", processor)
                .forEach(owner -> owners.merge(owner, 1L, Long::sum));
        return owners;
    }

    private static void awaitUpTo(int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
