package org.triggerpoint.clinic.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.endtoend.Http.Answer;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side processes on one database, started at the same moment on an empty one (both migrate, both want to
 * create the first administrator and anchor the log), then taking commands for the same records at once: exactly the
 * allowed commands succeed, the others are 409 problems naming why (never a 500), and each stream holds exactly the
 * successes' events with no gap; the lookup tables (usernames, licence numbers) stay unique across both.
 */
class TwoCommandNodesIT {

    private static final String PASSWORD = "end-to-end-user-password-1";
    private static final int AT_ONCE = 16;
    private static final Http http = new Http();
    private static final List<ClinicNode> nodes = Collections.synchronizedList(new ArrayList<>());
    private static TestDatabase database;
    private static Sql sql;
    private static String therapist;
    private static String therapistId;

    @BeforeAll
    static void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
        database = TestDatabase.create();
        sql = new Sql(database);
        ClinicNode.Database where = new ClinicNode.Database(database.url(), database.user(), database.password());
        AllAtOnce.run(2, i -> nodes.add(ClinicNode.start(ClinicNode.Side.COMMAND, where)));
        therapist = "dana-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(post(0, "admin", RunningClinic.ADMIN_PASSWORD, "/api/users", Map.of("username", therapist,
                "password", PASSWORD, "roles", List.of("THERAPIST"))).status()).isEqualTo(201);
        therapistId = post(1, "admin", RunningClinic.ADMIN_PASSWORD, "/api/therapists",
                Map.of("displayName", "Dana Whitfield", "licenseNumber", "RMT-TWO")).json().get("therapistId").asText();
    }

    @AfterAll
    static void stop() {
        nodes.forEach(ClinicNode::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void bothNodesStartedTogetherMakeOneAdministratorAndNeverAnchorAPositionTwice() {
        assertThat(sql.number("select count(*) from events.domain_event_entry where aggregate_identifier = 'admin'"))
                .isEqualTo(1);
        assertThat(sql.number("select count(*) from identity.user_account where username = 'admin'")).isEqualTo(1);
        assertThat(sql.number("select count(*) from events.chain_anchor")).isEqualTo(
                sql.number("select count(distinct global_position) from events.chain_anchor"));
        assertThat(sql.number("select count(*) from command.flyway_schema_history where not success")).isZero();
        for (int node = 0; node < 2; node++) {
            // The administrator signs in on both: the registration and its password were stored together, once.
            assertThat(post(node, "admin", RunningClinic.ADMIN_PASSWORD, "/api/users", Map.of("username",
                    "probe-" + node + "-" + therapist, "password", PASSWORD, "roles", List.of("ANALYST"))).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void releasesOfOneTriggerPointThroughBothNodesStoreExactlyOne() throws Exception {
        String sessionId = assessedSession();
        String triggerPointId = post(0, therapist, PASSWORD, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE")).json().get("triggerPointId")
                .asText();

        List<Answer> answers = throughBothNodes(i -> post(i % 2, therapist, PASSWORD, "/api/sessions/" + sessionId
                + "/trigger-points/" + triggerPointId + "/release", Map.of("pressure", "STATIC", "holdSeconds", 30 + i,
                "tissueResponse", "RELEASED", "referredSensationReproduced", true)));

        assertSuccessesAndConflicts(answers, 204, 1, "trigger-point-already-released", "concurrent-change");
        assertThat(typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded",
                "TriggerPointIdentified", "TriggerPointReleased");
        assertNoGap(sessionId);
    }

    @Test
    void completionsOfOneSessionThroughBothNodesStoreExactlyOne() throws Exception {
        String sessionId = assessedSession();

        List<Answer> answers = throughBothNodes(i -> post(i % 2, therapist, PASSWORD,
                "/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", i % 11)));

        assertSuccessesAndConflicts(answers, 204, 1, "session-already-signed", "concurrent-change");
        assertThat(typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded", "SessionCompleted");
        assertNoGap(sessionId);
    }

    @Test
    void amendmentsThroughBothNodesStoreOneEventPerSuccessAndNoGap() throws Exception {
        String sessionId = assessedSession();
        assertThat(post(1, therapist, PASSWORD, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", 3)).status()).isEqualTo(204);

        List<Answer> answers = throughBothNodes(i -> post(i % 2, therapist, PASSWORD,
                "/api/sessions/" + sessionId + "/amendments",
                Map.of("reason", "Transcription error " + i, "postSessionPainScore", i % 11)));

        long created = answers.stream().filter(answer -> answer.status() == 201).count();
        assertThat(created).isPositive();
        assertSuccessesAndConflicts(answers, 201, created, "concurrent-change");
        List<String> types = typesOf(sessionId);
        assertThat(types).hasSize(3 + (int) created);
        assertThat(types.subList(3, types.size())).containsOnly("SessionAmended");
        assertNoGap(sessionId);
        List<String> answeredIds = answers.stream().filter(answer -> answer.status() == 201)
                .map(answer -> answer.json().get("amendmentId").asText()).sorted().toList();
        assertThat(sql.column("""
                select payload::jsonb ->> 'amendmentId' from events.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SessionAmended' order by 1""", sessionId))
                .isEqualTo(answeredIds);
    }

    @Test
    void oneLicenceNumberAndOneUsernameRegisteredThroughBothNodesAtOnceAreTakenOnce() throws Exception {
        String licence = "RMT-RACE-" + UUID.randomUUID().toString().substring(0, 6);
        List<Answer> therapists = throughBothNodes(i -> post(i % 2, "admin", RunningClinic.ADMIN_PASSWORD,
                "/api/therapists", Map.of("displayName", "Therapist " + i, "licenseNumber", licence)));
        assertSuccessesAndConflicts(therapists, 201, 1, "license-number-already-registered", "concurrent-change");
        assertThat(sql.number("select count(*) from command.therapist_roster where license_number = ?", licence))
                .isEqualTo(1);
        assertThat(sql.number("""
                select count(*) from events.domain_event_entry
                where payload_type like '%TherapistRegistered' and payload::jsonb ->> 'licenseNumber' = ?""", licence))
                .isEqualTo(1);

        String username = "racer-" + UUID.randomUUID().toString().substring(0, 6);
        List<Answer> users = throughBothNodes(i -> post(i % 2, "admin", RunningClinic.ADMIN_PASSWORD, "/api/users",
                Map.of("username", username, "password", PASSWORD + i, "roles", List.of("THERAPIST"))));
        assertSuccessesAndConflicts(users, 201, 1, "username-taken", "concurrent-change");
        assertThat(sql.number("select count(*) from events.domain_event_entry where aggregate_identifier = ?",
                username)).isEqualTo(1);
        assertThat(sql.number("select count(*) from identity.user_account where username = ? and password_hash"
                + " is not null", username)).isEqualTo(1);
    }

    private static String assessedSession() {
        String clientId = post(0, therapist, PASSWORD, "/api/clients", Map.of("givenName", "Avery",
                "familyName", "Quinlan", "dateOfBirth", "1984-03-12", "consentToTreatment", true,
                "consentToDataProcessing", true)).json().get("clientId").asText();
        String sessionId = post(1, therapist, PASSWORD, "/api/sessions", Map.of("clientId", clientId,
                "therapistId", therapistId)).json().get("sessionId").asText();
        assertThat(post(0, therapist, PASSWORD, "/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 7,
                "painPattern", "Ache", "posture", "Forward head", "movementRestrictions", List.of())).status())
                .isEqualTo(204);
        return sessionId;
    }

    private static Answer post(int node, String user, String password, String path, Object body) {
        return http.post(nodes.get(node).url() + path, user, password, body);
    }

    /** {@code AT_ONCE} commands at the same moment, the even ones through the first node, the odd ones the second. */
    private static List<Answer> throughBothNodes(IntFunction<Answer> command) throws Exception {
        return AllAtOnce.run(AT_ONCE, command);
    }

    /** Exactly {@code successes} answers are {@code success}; every other one a 409 problem naming one of the rules. */
    private static void assertSuccessesAndConflicts(List<Answer> answers, int success, long successes,
                                                    String... rules) {
        assertThat(answers).filteredOn(answer -> answer.status() == success).hasSize((int) successes);
        for (Answer answer : answers) {
            if (answer.status() != success) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.json().get("rule").asText()).as(answer.body()).isIn((Object[]) rules);
                assertThat(answer.json().get("detail").asText()).isNotBlank();
            }
        }
    }

    private static List<String> typesOf(String streamId) {
        return sql.column("""
                select regexp_replace(payload_type, '.*\\.', '') from events.domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", streamId);
    }

    /** Sequence numbers 0, 1, 2 … with no gap and no duplicate. */
    private static void assertNoGap(String streamId) {
        List<Long> sequence = sql.column("""
                        select sequence_number from events.domain_event_entry
                        where aggregate_identifier = ? order by sequence_number""", streamId)
                .stream().map(Long::valueOf).toList();
        assertThat(sequence).isEqualTo(LongStream.range(0, sequence.size()).boxed().toList());
    }
}
