package org.triggerpoint.clinic.query.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp.Answer;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.projections.ViewPositions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.Eventually.await;

/**
 * The outcomes view built event by event while records were written, with four segments working side by side, holds
 * exactly what a rebuild from the first event holds, row for row in every table; and events delivered a second time
 * change nothing. The client-history view, built from the same few thousand events, rebuilds to the same rows too.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = "clinic.test.own-database=RebuildEqualsIncrementalIT") // rebuilds restart processors
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildEqualsIncrementalIT {

    private static final String ADMIN = "ada-admin";
    private static final String ANALYST = "avery-analyst";
    private static final String REBUILD = "/api/admin/projections/outcomes/rebuild";
    private static final String OUTCOMES = "/api/analytics/outcomes?groupBy=muscle";
    private static final Duration BOUND = Duration.ofSeconds(120);
    /** Each table of the view, ordered by its primary key. */
    private static final Map<String, String> TABLES = Map.of(
            "outcome_session", "session_id",
            "outcome_client", "client_id",
            "outcome_rollup", "dimension, group_key, month",
            "outcome_group_visit", "dimension, group_key, month, previous_month");

    private static final String HISTORY_REBUILD = "/api/admin/projections/client-history/rebuild";
    private static final Map<String, String> HISTORY_TABLES = Map.of(
            "history_client", "client_id",
            "history_session", "session_id");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;
    @Autowired
    ViewPositions positions;
    @Autowired
    EventProcessingConfiguration processors;
    @Autowired
    TransactionTemplate transaction;

    private SignedInHttp http;

    @BeforeAll
    void recordAClinicAndLetTheViewFollow() {
        SignedInHttp.createUser(jdbc, passwordEncoder, ADMIN, "ADMIN");
        SignedInHttp.createUser(jdbc, passwordEncoder, ANALYST, "ANALYST");
        http = new SignedInHttp(port);

        new RandomClinic(20260415L, new ClinicRecords(new EventLog(eventStore, jdbc))).record(150);

        long head = headPosition();
        assertThat(head).as("a few thousand events").isGreaterThan(2_500);
        await("the view includes all " + head + " events", BOUND, () -> positions.includes(View.OUTCOMES, head));
    }

    @Test
    void aRebuiltViewEqualsTheViewBuiltAsEventsArrived() throws Exception {
        Map<String, List<String>> incremental = tables();
        assertThat(incremental.get("outcome_rollup")).as("the view has rows to compare").hasSizeGreaterThan(100);
        Answer whole = http.get(OUTCOMES, ANALYST);
        assertThat(whole.status()).isEqualTo(200);

        // An analyst asks again and again while the view is rebuilt: never may a part of it be served.
        AtomicBoolean rebuilt = new AtomicBoolean();
        Future<List<Answer>> analystAnswers = Executors.newSingleThreadExecutor().submit(() -> {
            List<Answer> answers = new ArrayList<>();
            while (!rebuilt.get()) {
                answers.add(http.get(OUTCOMES, ANALYST));
            }
            return answers;
        });
        Answer accepted = http.post(REBUILD, ADMIN);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("state").asText()).isEqualTo("REBUILDING");
        await("the rebuild is over", BOUND, () -> "UP_TO_DATE".equals(progress().get("state").asText()));
        rebuilt.set(true);

        assertThat(tables()).isEqualTo(incremental);
        List<Answer> answers = analystAnswers.get();
        assertThat(answers).allSatisfy(answer -> {
            if (answer.status() == 200) {
                assertThat(answer.body()).isEqualTo(whole.body());
            } else {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.json().get("detail").asText()).contains("outcomes view is being rebuilt");
            }
        });
        assertThat(http.get(OUTCOMES, ANALYST).body()).isEqualTo(whole.body());
    }

    @Test
    void aRebuiltClientHistoryEqualsTheHistoryBuiltAsEventsArrived() {
        long head = headPosition();
        await("the history includes all " + head + " events", BOUND,
                () -> positions.includes(View.CLIENT_HISTORY, head));
        Map<String, List<String>> incremental = tables(HISTORY_TABLES);
        assertThat(incremental.get("history_session")).as("the view has rows to compare").hasSizeGreaterThan(100);

        Answer accepted = http.post(HISTORY_REBUILD, ADMIN);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        await("the history is rebuilt", BOUND,
                () -> "UP_TO_DATE".equals(progress(HISTORY_REBUILD).get("state").asText()));

        assertThat(tables(HISTORY_TABLES)).isEqualTo(incremental);
    }

    /**
     * A rebuild whose run stops midway (the process stopped) is finished by the view's processor, which may by then
     * read in all its segments at once: the segment whose batch reads the rebuild's target counts the rollups, once,
     * and the others' later batches go by their changes.
     */
    @Test
    void aRebuildItsProcessorFinishesInEverySegmentAtOnceEqualsTheViewBuiltAsEventsArrived() {
        // The rebuild's target is an event the view takes nothing from: the batch that reads it counts all the same.
        new ClinicRecords(new EventLog(eventStore, jdbc)).registerWithoutIntake(new ClientId(UUID.randomUUID()),
                "Nell", "Newcomer", LocalDate.of(1990, 4, 1), Instant.parse("2026-04-15T09:00:00Z"));
        long head = headPosition();
        assertThat(jdbc.sql("select payload_type from events.domain_event_entry where global_index = ?").param(head)
                .query(String.class).single()).endsWith("ClientRegistered");
        await("the view includes all " + head + " events", BOUND, () -> positions.includes(View.OUTCOMES, head));
        Map<String, List<String>> incremental = tables();
        StreamingEventProcessor processor = processors.eventProcessor(View.OUTCOMES.processorName(),
                StreamingEventProcessor.class).orElseThrow();
        await("the view reads in several segments again after any rebuild before", BOUND, () -> jdbc.sql(
                "select count(*) from query.token_entry where processor_name = ?")
                .param(View.OUTCOMES.processorName()).query(Long.class).single() > 1);

        // As a rebuild leaves the view when its run stops: reset, its rollups waiting, the rebuild's target recorded.
        processor.shutDown();
        transaction.executeWithoutResult(status -> {
            processor.resetTokens();
            jdbc.sql("""
                            insert into query.view_rebuild (view_name, target_position, started_at)
                            values (?, ?, now())
                            on conflict (view_name) do update set target_position = excluded.target_position""")
                    .params(View.OUTCOMES.processorName(), head)
                    .update();
        });
        try {
            processor.start();
            await("the processor has read all " + head + " events again", BOUND,
                    () -> positions.includes(View.OUTCOMES, head));

            assertThat(jdbc.sql("select count(*) from query.outcome_rollups_waiting").query(Long.class).single())
                    .as("the rollups were counted").isZero();
            assertThat(tables()).isEqualTo(incremental);
        } finally {
            jdbc.sql("delete from query.view_rebuild where view_name = ?").param(View.OUTCOMES.processorName())
                    .update();
        }
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        Map<String, List<String>> once = tables();
        StreamingEventProcessor processor = processors.eventProcessor(View.OUTCOMES.processorName(),
                StreamingEventProcessor.class).orElseThrow();

        // Every segment reads from the first event again, over the tables as they are (no reset handler).
        processor.shutDown();
        jdbc.sql("update query.token_entry set token = null, token_type = null where processor_name = ?")
                .param(View.OUTCOMES.processorName())
                .update();
        processor.start();
        long head = headPosition();
        await("the view has read all " + head + " events again", BOUND, () -> positions.includes(View.OUTCOMES, head));

        assertThat(tables()).isEqualTo(once);
    }

    @Test
    void sessionsAndDistinctClientsAgreeWithACountOverTheSessionsForAnyMonths() {
        for (Grouping grouping : Grouping.values()) {
            for (String[] range : new String[][]{{null, null}, {"2024-06", null}, {null, "2024-09-15"},
                    {"2024-05-20", "2024-11"}, {"2025-02", "2025-02"}}) {
                String query = "groupBy=" + grouping.parameter() + (range[0] == null ? "" : "&from=" + range[0])
                        + (range[1] == null ? "" : "&to=" + range[1]);
                JsonNode answer = http.get("/api/analytics/outcomes?" + query, ANALYST).json();
                Map<String, Counts> shown = new LinkedHashMap<>();
                answer.get("rows").forEach(row -> shown.put(row.get("key").asText(),
                        new Counts(row.get("sessions").asLong(), row.get("clients").asLong())));
                Map<String, Counts> counted = countedOverSessions(grouping, range[0], range[1]);
                Map<String, Counts> largeEnough = new LinkedHashMap<>(counted);
                largeEnough.values().removeIf(counts -> counts.clients() < OutcomesAnswer.MIN_CLIENTS);

                assertThat(shown).as(query).isEqualTo(largeEnough);
                assertThat(answer.get("suppressedGroups").asInt()).as(query)
                        .isEqualTo(counted.size() - largeEnough.size());
            }
        }
    }

    private record Counts(long sessions, long clients) {
    }

    /** Sessions and distinct clients per key, counted straight from the signed sessions' rows. */
    private Map<String, Counts> countedOverSessions(Grouping grouping, String from, String to) {
        Map<String, Counts> counted = new LinkedHashMap<>();
        jdbc.sql("""
                        select key, count(*) as sessions, count(distinct client_id) as clients
                        from query.outcome_session s cross join lateral unnest(case :grouping
                            when 'condition' then s.conditions when 'muscle' then s.muscles
                            when 'pressure' then s.pressures when 'therapist' then array[s.therapist_id::text]
                            else array[to_char(s.started_month, 'YYYY-MM')] end) as key
                        where s.completed
                            and s.started_month >= date_trunc('month', cast(:from as date))
                            and s.started_month <= cast(:to as date)
                        group by key""")
                .param("grouping", grouping.parameter())
                .param("from", LocalDate.parse(from == null ? "1900-01-01" : from.length() == 7 ? from + "-01" : from))
                .param("to", LocalDate.parse(to == null ? "2100-01-01" : to.length() == 7 ? to + "-01" : to))
                .query((rs, row) -> counted.put(rs.getString("key"),
                        new Counts(rs.getLong("sessions"), rs.getLong("clients"))))
                .list();
        return counted;
    }

    private JsonNode progress() {
        return progress(REBUILD);
    }

    private JsonNode progress(String path) {
        Answer progress = http.get(path, ADMIN);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        return progress.json();
    }

    private long headPosition() {
        return eventStore.createHeadToken().position().orElseThrow();
    }

    /** Every row of every table of the outcomes view as JSON, in primary-key order. */
    private Map<String, List<String>> tables() {
        return tables(TABLES);
    }

    private Map<String, List<String>> tables(Map<String, String> ofTheView) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        ofTheView.forEach((table, primaryKey) -> tables.put(table,
                jdbc.sql("select to_jsonb(t)::text from query." + table + " t order by " + primaryKey)
                        .query(String.class)
                        .list()));
        return tables;
    }
}
