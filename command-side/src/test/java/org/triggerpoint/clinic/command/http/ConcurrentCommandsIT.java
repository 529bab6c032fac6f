package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once on one session: exactly the allowed number of commands succeed, the others get a 409 that
 * says why, and the session's stream holds exactly the events of the successes with no gap in its sequence. Many
 * therapists each on a session of their own never get in one another's way.
 */
@CommandSideIntegrationTest
class ConcurrentCommandsIT {

    private static final int CLIENTS = 32;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp api;
    StoredEvents events;
    User therapist;
    String therapistId;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
        therapist = api.newUser("THERAPIST");
        therapistId = api.newTherapist();
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void thirtyTwoReleasesOfTheSameTriggerPointStoreExactlyOne() throws Exception {
        String sessionId = api.newAssessedSession(therapist, api.newClient(therapist), therapistId);
        String triggerPointId = api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points",
                Map.of("muscle", "UPPER_TRAPEZIUS", "side", "LEFT", "kind", "ACTIVE")).id("triggerPointId");

        List<Answer> answers = allAtOnce(i -> new ClinicHttp(port).post(therapist,
                "/api/sessions/" + sessionId + "/trigger-points/" + triggerPointId + "/release",
                Map.of("pressure", "STATIC", "holdSeconds", 30 + i, "tissueResponse", "RELEASED",
                        "referredSensationReproduced", true)));

        assertThat(statuses(answers, 204)).isEqualTo(1);
        assertLosersAreConflicts(answers, 204, "trigger-point-already-released", "concurrent-change");
        assertThat(events.typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded",
                "TriggerPointIdentified", "TriggerPointReleased");
        assertNoGap(sessionId);
        // The one stored release is the one that was answered 204: its hold is one of those sent.
        JsonNode released = events.ofStream(sessionId).get(3).payloadJson();
        assertThat(released.toString()).contains(triggerPointId);
    }

    @Test
    void thirtyTwoCompletionsOfTheSameSessionStoreExactlyOne() throws Exception {
        String sessionId = api.newAssessedSession(therapist, api.newClient(therapist), therapistId);

        List<Answer> answers = allAtOnce(i -> new ClinicHttp(port).post(therapist,
                "/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", i % 11)));

        assertThat(statuses(answers, 204)).isEqualTo(1);
        assertLosersAreConflicts(answers, 204, "session-already-signed", "concurrent-change");
        assertThat(events.typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded",
                "SessionCompleted");
        assertNoGap(sessionId);
    }

    @Test
    void thirtyTwoAmendmentsAtOnceStoreOneEventPerSuccessAndNoGap() throws Exception {
        String sessionId = api.newAssessedSession(therapist, api.newClient(therapist), therapistId);
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/complete",
                Map.of("postSessionPainScore", 3)).status()).isEqualTo(204);

        List<Answer> answers = allAtOnce(i -> new ClinicHttp(port).post(therapist,
                "/api/sessions/" + sessionId + "/amendments",
                Map.of("reason", "Transcription error " + i, "postSessionPainScore", i % 11)));

        long created = statuses(answers, 201);
        assertThat(created).isGreaterThanOrEqualTo(1);
        assertLosersAreConflicts(answers, 201, "concurrent-change");
        List<String> types = events.typesOf(sessionId);
        assertThat(types.subList(0, 3)).containsExactly("SessionStarted", "AssessmentRecorded", "SessionCompleted");
        assertThat(types.subList(3, types.size())).hasSize((int) created).containsOnly("SessionAmended");
        assertNoGap(sessionId);
        // Every answered amendment id is in the stream, and only those.
        List<String> answeredIds = answers.stream().filter(a -> a.status() == 201).map(a -> a.id("amendmentId"))
                .sorted().toList();
        List<String> storedIds = events.ofStream(sessionId).stream().skip(3)
                .map(row -> row.payloadJson().get("amendmentId").asText()).sorted().toList();
        assertThat(storedIds).isEqualTo(answeredIds);
    }

    @Test
    void thirtyTwoTherapistsOnSessionsOfTheirOwnNeverConflict() throws Exception {
        List<User> therapists = new ArrayList<>();
        List<String> therapistIds = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            User user = api.newUser("THERAPIST");
            therapists.add(user);
            therapistIds.add(api.newTherapist());
            clientIds.add(api.newClient(user));
        }

        List<List<Answer>> sessions = allAtOnce(i -> wholeSession(new ClinicHttp(port), therapists.get(i),
                clientIds.get(i), therapistIds.get(i)));

        for (List<Answer> session : sessions) {
            for (Answer answer : session) {
                assertThat(answer.status()).as(answer.body()).isIn(201, 204);
            }
            String sessionId = session.get(0).id("sessionId");
            assertThat(events.typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded",
                    "TriggerPointIdentified", "TriggerPointReleased", "TechniqueApplied", "SessionCompleted",
                    "SorenessReported", "SessionAmended");
            assertNoGap(sessionId);
        }
    }

    /** One therapist's session from start to amendment; stops at the first answer that is not a success. */
    private static List<Answer> wholeSession(ClinicHttp api, User therapist, String clientId, String therapistId) {
        List<Answer> answers = new ArrayList<>();
        Answer started = api.post(therapist, "/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId));
        answers.add(started);
        if (started.status() != 201) {
            return answers;
        }
        String session = "/api/sessions/" + started.id("sessionId");
        answers.add(api.post(therapist, session + "/assessment", Map.of("painScore", 7, "painPattern", "Ache",
                "posture", "Forward head", "movementRestrictions", List.of("Rotation left limited"))));
        Answer identified = api.post(therapist, session + "/trigger-points",
                Map.of("muscle", "LEVATOR_SCAPULAE", "side", "RIGHT", "kind", "ACTIVE"));
        answers.add(identified);
        if (identified.status() != 201) {
            return answers;
        }
        answers.add(api.post(therapist, session + "/trigger-points/" + identified.id("triggerPointId") + "/release",
                Map.of("pressure", "INCREMENTAL", "holdSeconds", 60, "tissueResponse", "PARTIAL",
                        "referredSensationReproduced", false)));
        answers.add(api.post(therapist, session + "/techniques", Map.of("technique", "GENTLE_MOVEMENT")));
        answers.add(api.post(therapist, session + "/complete", Map.of("postSessionPainScore", 3)));
        answers.add(api.post(therapist, session + "/soreness", Map.of("hoursAfterSession", 24, "severity", 2,
                "resolved", true)));
        answers.add(api.post(therapist, session + "/amendments", Map.of("reason", "Typo", "notes", "Corrected")));
        return answers;
    }

    /** Runs {@code CLIENTS} actions, all released at the same moment, and gives their results in order. */
    private <T> List<T> allAtOnce(IntFunction<T> action) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return action.apply(client);
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    private static long statuses(List<Answer> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    /** Every answer but the successes is a 409 problem naming one of the given rules, with a detail. */
    private static void assertLosersAreConflicts(List<Answer> answers, int success, String... rules) {
        for (Answer answer : answers) {
            if (answer.status() == success) {
                continue;
            }
            InvalidInputIT.assertProblem(answer, 409);
            assertThat(answer.json().get("rule").asText()).as(answer.body()).isIn((Object[]) rules);
        }
    }

    /** The stream's sequence numbers are 0..n-1, in order, with no gap and no duplicate. */
    private void assertNoGap(String aggregateId) {
        List<Long> sequence = events.ofStream(aggregateId).stream().map(StoredEvents.Row::sequenceNumber).toList();
        assertThat(sequence).isEqualTo(LongStream.range(0, sequence.size()).boxed().toList());
        assertThat(jdbc.sql("select count(*) from events.domain_event_entry where aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single()).isEqualTo(sequence.size());
    }
}
