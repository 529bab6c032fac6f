package org.triggerpoint.clinic.query.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.events.client.PresentingCondition.NECK_SHOULDER_OR_JAW_TENSION;
import static org.triggerpoint.clinic.events.client.PresentingCondition.ROTATOR_CUFF_DYSFUNCTION;
import static org.triggerpoint.clinic.events.client.PresentingCondition.TENSION_HEADACHE_OR_MIGRAINE;

/**
 * Outcome analytics over HTTP, from events in the store. Six clients: in January each has a session with therapist 1
 * (upper trapezius, static pressure; client 1 also incremental), in February another (levator scapulae, incremental
 * pressure; clients 1 and 2 also infraspinatus), clients 5 and 6 then with therapist 2. Client 6's intake changes while
 * their February session is open. A March session is never signed. Some soreness reports and an amendment arrive
 * after the view has counted the sessions they belong to.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = "clinic.test.own-database=OutcomesIT") // exact counts: no other test's records here
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesIT {

    private static final String ANALYST = "avery-analyst";
    private static final String THERAPIST = "terry-therapist";
    private static final String PATH = "/api/analytics/outcomes";
    private static final Instant DECEMBER = Instant.parse("2024-12-02T09:00:00Z");
    private static final Instant JANUARY = Instant.parse("2025-01-13T09:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2025-02-10T09:00:00Z");
    private static final Instant MARCH = Instant.parse("2025-03-03T09:00:00Z");
    private static final List<String> GIVEN_NAMES = List.of("Imogen", "Bartholomew", "Ottilie", "Cassius", "Wilhelmina",
            "Thaddeus");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;

    private final TherapistId therapist1 = new TherapistId(UUID.randomUUID());
    private final TherapistId therapist2 = new TherapistId(UUID.randomUUID());
    private final List<ClientId> clients = new ArrayList<>();
    private EventLog eventLog;
    private ClinicRecords records;
    private SignedInHttp http;

    @BeforeAll
    void recordSixClients() {
        SignedInHttp.createUser(jdbc, passwordEncoder, ANALYST, "ANALYST");
        SignedInHttp.createUser(jdbc, passwordEncoder, THERAPIST, "THERAPIST");
        http = new SignedInHttp(port);
        eventLog = new EventLog(eventStore, jdbc);
        records = new ClinicRecords(eventLog);

        for (int i = 0; i < 6; i++) {
            Set<PresentingCondition> conditions = i < 3
                    ? Set.of(NECK_SHOULDER_OR_JAW_TENSION, TENSION_HEADACHE_OR_MIGRAINE)
                    : Set.of(NECK_SHOULDER_OR_JAW_TENSION);
            clients.add(records.registerClient(GIVEN_NAMES.get(i), "Featherstonehaugh",
                    LocalDate.of(1971, 4, 1 + i), DECEMBER, conditions));
        }

        // January, therapist 1: 6 → 3 for clients 1–5, 5 → 4 for client 6
        List<SessionId> january = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant start = JANUARY.plus(Duration.ofDays(i));
            SessionId session = records.startSession(clients.get(i), therapist1, start);
            january.add(session);
            records.assess(session, clients.get(i), i < 5 ? 6 : 5, start.plusSeconds(300));
            TriggerPointId left = records.identify(session, clients.get(i), Muscle.UPPER_TRAPEZIUS, Side.LEFT,
                    start.plusSeconds(600));
            records.release(session, clients.get(i), left, PressureTechnique.STATIC, start.plusSeconds(900));
            if (i == 0) {
                TriggerPointId right = records.identify(session, clients.get(i), Muscle.UPPER_TRAPEZIUS,
                        Side.RIGHT, start.plusSeconds(1000));
                records.release(session, clients.get(i), right, PressureTechnique.INCREMENTAL,
                        start.plusSeconds(1100));
            }
            records.applyTechnique(session, clients.get(i), start.plusSeconds(1200));
            records.complete(session, clients.get(i), i < 5 ? 3 : 4, start.plusSeconds(3600));
        }
        soreness(january.get(0), 0, 24, 3, true);
        soreness(january.get(1), 1, 12, 4, false);
        soreness(january.get(2), 2, 24, 0, true);
        soreness(january.get(3), 3, 20, 5, false);
        soreness(january.get(3), 3, 40, 0, true);

        // February: pain before and after per client; clients 5 and 6 with therapist 2
        int[] before = {4, 3, 8, 0, 5, 7};
        int[] after = {3, 2, 6, 0, 5, 6};
        List<SessionId> february = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant start = FEBRUARY.plus(Duration.ofDays(i));
            SessionId session = records.startSession(clients.get(i), i < 4 ? therapist1 : therapist2, start);
            february.add(session);
            records.assess(session, clients.get(i), before[i], start.plusSeconds(300));
            TriggerPointId levator = records.identify(session, clients.get(i), Muscle.LEVATOR_SCAPULAE, Side.LEFT,
                    start.plusSeconds(600));
            records.release(session, clients.get(i), levator, PressureTechnique.INCREMENTAL,
                    start.plusSeconds(900));
            if (i < 2) {
                records.identify(session, clients.get(i), Muscle.INFRASPINATUS, Side.RIGHT, start.plusSeconds(1000));
            }
            if (i == 5) {
                // the intake in force when the session is signed counts, not the one when it started
                records.intake(clients.get(i), start.plusSeconds(1800), Set.of(ROTATOR_CUFF_DYSFUNCTION));
            }
            records.complete(session, clients.get(i), after[i], start.plusSeconds(3600));
        }

        SessionId unsigned = records.startSession(clients.get(0), therapist1, MARCH);
        records.assess(unsigned, clients.get(0), 5, MARCH.plusSeconds(300));

        assertThat(outcomes("groupBy=month").status()).as("the view has counted the signed sessions").isEqualTo(200);

        // After the view counted them: soreness reports and an amendment change sessions already counted.
        soreness(january.get(1), 1, 60, 1, true);
        soreness(february.get(2), 2, 24, 2, true);
        records.amendScores(february.get(5), clients.get(5), null, null, 6, 4, FEBRUARY.plus(Duration.ofDays(9)));
    }

    @Test
    void eachMonthShowsItsSignedSessionsOnly() {
        JsonNode answer = okJson("groupBy=month");

        assertThat(answer.get("groupBy").asText()).isEqualTo("month");
        assertThat(answer.get("from").isNull()).isTrue();
        assertThat(answer.get("to").isNull()).isTrue();
        assertThat(rows(answer)).containsExactly(
                "2025-01 6 6 2.67 0.833 0.5 0.667",
                "2025-02 6 6 1.17 0.5 0.167 1.0");
        assertThat(answer.get("suppressedGroups").asInt()).isZero();
    }

    @Test
    void aSessionCountsUnderTheConditionsOfTheIntakeInForceWhenItWasSigned() {
        JsonNode answer = okJson("groupBy=condition");

        // Client 6's February session counts under rotator cuff dysfunction only (suppressed: one client).
        assertThat(rows(answer)).containsExactly("NECK_SHOULDER_OR_JAW_TENSION 11 6 1.82 0.636 0.364 0.75");
        assertThat(answer.get("suppressedGroups").asInt()).as("headache (3 clients), rotator cuff (1)").isEqualTo(2);
    }

    @Test
    void aSessionCountsOnceUnderEachMuscleWithATriggerPoint() {
        JsonNode answer = okJson("groupBy=muscle");

        assertThat(rows(answer)).containsExactly(
                "LEVATOR_SCAPULAE 6 6 1.17 0.5 0.167 1.0",
                "UPPER_TRAPEZIUS 6 6 2.67 0.833 0.5 0.667");
        assertThat(answer.get("suppressedGroups").asInt()).as("infraspinatus: 2 clients").isOne();
    }

    @Test
    void aSessionCountsOnceUnderEachPressureTechniqueItsReleasesUsed() {
        JsonNode answer = okJson("groupBy=pressure");

        assertThat(rows(answer)).containsExactly(
                "INCREMENTAL 7 6 1.43 0.571 0.286 1.0",
                "STATIC 6 6 2.67 0.833 0.5 0.667");
    }

    @Test
    void therapistsAreKeyedByIdAndTheirGroupsSuppressedLikeAnyOther() {
        JsonNode answer = okJson("groupBy=therapist");

        assertThat(rows(answer)).containsExactly(therapist1 + " 10 6 2.0 0.7 0.4 0.75");
        assertThat(answer.get("suppressedGroups").asInt()).as("therapist 2 saw 2 clients").isOne();
    }

    @Test
    void fromAndToSelectTheMonthsOfSessionStartBothInclusive() {
        JsonNode february = okJson("groupBy=month&from=2025-02-10&to=2025-02");

        assertThat(february.get("from").asText()).isEqualTo("2025-02");
        assertThat(february.get("to").asText()).isEqualTo("2025-02");
        assertThat(rows(february)).containsExactly("2025-02 6 6 1.17 0.5 0.167 1.0");

        JsonNode untilJanuary = okJson("groupBy=condition&to=2025-01-31");
        assertThat(rows(untilJanuary)).containsExactly("NECK_SHOULDER_OR_JAW_TENSION 6 6 2.67 0.833 0.5 0.667");
    }

    @Test
    void groupsOfFewerThanFiveClientsAreSuppressed() {
        // From February on therapist 1 saw 4 clients and therapist 2 saw 2: both groups are left out.
        JsonNode answer = okJson("groupBy=therapist&from=2025-02");

        assertThat(answer.get("rows")).isEmpty();
        assertThat(answer.get("suppressedGroups").asInt()).isEqualTo(2);
    }

    @Test
    void anAmendedPostSessionScoreChangesTheReduction() {
        // Client 6's February score after the session was amended from 6 to 4: a reduction of 3, which reaches the
        // MCID. With the original score February would show 0.83 and 0.333.
        JsonNode february = okJson("groupBy=month&from=2025-02&to=2025-02").get("rows").get(0);

        assertThat(february.get("meanPainReduction").asDouble()).isEqualTo(1.17);
        assertThat(february.get("mcidRate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void sorenessReportedAfterCompletionCounts() {
        JsonNode months = okJson("groupBy=month").get("rows");

        // Client 3's February report came after the view had counted the session.
        assertThat(months.get(1).get("sorenessRate").asDouble()).isEqualTo(0.167);
        assertThat(months.get(1).get("sorenessResolvedWithin48hRate").asDouble()).isEqualTo(1.0);
        // Client 2's January soreness resolved only at 60 hours: still 2 of 3 resolved within 48 hours.
        assertThat(months.get(0).get("sorenessResolvedWithin48hRate").asDouble()).isEqualTo(0.667);
    }

    @Test
    void noNameOrNoteAppearsInTheAnswer() {
        for (Grouping grouping : Grouping.values()) {
            String body = outcomes("groupBy=" + grouping.parameter()).body();

            assertThat(body).doesNotContain("Featherstonehaugh", "Marguerite", "Note on", "1971", "example.org");
            GIVEN_NAMES.forEach(name -> assertThat(body).doesNotContain(name));
            clients.forEach(client -> assertThat(body).doesNotContain(client.toString()));
        }
    }

    @Test
    void theApiDescriptionSaysWhatIsCountedAndHow() {
        Answer description = http.get("/v3/api-docs", ANALYST);

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("/api/analytics/outcomes", "Completed (signed) sessions only",
                "resolved at hoursAfterSession 48 or less", "matched on the month (UTC) the session started",
                "fewer than 5 distinct clients");
    }

    @Test
    void anUnknownGroupingIsRefusedNamingGroupBy() {
        for (String query : List.of("groupBy=client", "groupBy=", "from=2025-01")) {
            Answer refused = outcomes(query);

            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("groupBy");
            assertThat(refused.json().get("detail").asText()).contains("condition, muscle, pressure, therapist, month");
        }
    }

    @Test
    void fromAfterToIsRefused() {
        Answer refused = outcomes("groupBy=month&from=2025-03&to=2025-02-28");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void aMonthThatIsNoDateIsRefusedNamingIt() {
        Answer refused = outcomes("groupBy=month&to=February");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    @Test
    void withoutSigningInNothingIsAnswered() {
        Answer refused = http.get(PATH + "?groupBy=month", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTherapistMayNotReadOutcomeAnalytics() {
        Answer refused = http.get(PATH + "?groupBy=month", THERAPIST);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private void soreness(SessionId session, int client, int hours, int severity, boolean resolved) {
        records.reportSoreness(session, clients.get(client), hours, severity, resolved,
                JANUARY.plus(Duration.ofDays(30)).plus(Duration.ofHours(hours)));
    }

    /** As the analyst, once the view includes every event stored so far. */
    private Answer outcomes(String query) {
        return http.get(PATH + "?" + query, ANALYST, "X-Consistency-Token", eventLog.tokenAfterLastEvent());
    }

    private JsonNode okJson(String query) {
        Answer answer = outcomes(query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Each row as "key sessions clients meanPainReduction mcidRate sorenessRate resolvedWithin48hRate". */
    private static List<String> rows(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.get("rows").forEach(row -> rows.add(String.join(" ", row.get("key").asText(),
                row.get("sessions").asText(), row.get("clients").asText(), row.get("meanPainReduction").asText(),
                row.get("mcidRate").asText(), row.get("sorenessRate").asText(),
                row.get("sorenessResolvedWithin48hRate").asText())));
        return rows;
    }
}
