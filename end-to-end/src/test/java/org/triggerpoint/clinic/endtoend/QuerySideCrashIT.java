package org.triggerpoint.clinic.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side killed as {@code kill -9} does, while its views follow commands as they come, again while it
 * catches up on what it missed, and again in the middle of rebuilding every view: once it is back and has caught up,
 * every view table equals a rebuild from the events row for row, and nothing was applied twice (one audit entry per
 * event, one row per client and session recorded, each signed session counted once in the analytics).
 */
class QuerySideCrashIT {

    private static final int THERAPISTS = 6;
    /** Whole records of one client each, ten commands apiece: about 1 600 events in all. */
    private static final int CLIENTS_EACH = 25;
    private static final int CLIENTS = THERAPISTS * CLIENTS_EACH;
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    private final Http http = new Http();

    @Test
    void killedWhileProcessingAndWhileRebuildingTheViewsComeBackEqualToARebuildFromTheEvents() throws Exception {
        // Connections as needed rather than a full pool at each start: the test server is shared with other runs.
        try (RunningClinic clinic = new RunningClinic("--spring.datasource.hikari.minimum-idle=2")) {
            ClinicNode querySide = clinic.querySide();
            Views views = new Views(http, querySide);
            StoredRows rows = new StoredRows(clinic.where());
            List<TherapistAtWork> therapists = new ArrayList<>();
            for (int t = 0; t < THERAPISTS; t++) {
                therapists.add(TherapistAtWork.hire(http, clinic.commandUrl(), "crash-therapist-" + t));
            }

            AtomicInteger recorded = new AtomicInteger();
            ExecutorService work = Executors.newFixedThreadPool(THERAPISTS);
            List<Future<?>> days = new ArrayList<>();
            for (TherapistAtWork therapist : therapists) {
                days.add(work.submit(() -> {
                    for (int n = 0; n < CLIENTS_EACH; n++) {
                        assertThat(therapist.recordClient(n)).as("%s", therapist.sent()).isTrue();
                        recorded.incrementAndGet();
                    }
                    return null;
                }));
            }

            awaitRecorded(recorded, CLIENTS / 3, days);
            System.out.printf("kill -9 of the query side while it follows commands: store at %d, views at %s%n",
                    rows.headPosition(), positions(views));
            querySide.kill();
            awaitRecorded(recorded, 2 * CLIENTS / 3, days); // the clinic works on while the views are down
            querySide.start();
            System.out.printf("kill -9 again as it catches up: store at %d, views at %s%n", rows.headPosition(),
                    positions(views));
            querySide.kill();
            querySide.start();
            for (Future<?> day : days) {
                day.get(3, TimeUnit.MINUTES);
            }
            work.shutdown();

            long head = rows.headPosition();
            views.awaitAllUpToDate(head, CATCH_UP);
            Views.ALL.forEach(views::startRebuild);
            JsonNode midRebuild = awaitAViewPartlyRebuilt(views);
            System.out.printf("kill -9 in the middle of rebuilding every view: %s%n", midRebuild);
            querySide.kill();
            String interrupted = midRebuild.get("view").asText();
            assertThat(rows.number("select count(*) from query.view_rebuild where view_name = '" + interrupted + "'"))
                    .as("the rebuild under way is kept, so the restarted query side refuses the part rebuilt so far")
                    .isEqualTo(1);
            querySide.start();
            views.awaitAllUpToDate(head, CATCH_UP);
            assertThat(rows.number("select count(*) from query.view_rebuild")).as("every rebuild seen through")
                    .isZero();
            Map<String, List<String>> afterCrashes = rows.viewTables();

            views.rebuildAll(CATCH_UP);
            Map<String, List<String>> rebuilt = rows.viewTables();

            assertThat(rebuilt.keySet()).as("the view tables").contains("audit_entry", "history_client",
                    "history_session", "outcome_session", "outcome_rollup");
            assertThat(rebuilt.get("history_session")).as("a view with rows to compare").hasSize(CLIENTS);
            assertThat(afterCrashes).isEqualTo(rebuilt);
            nothingAppliedTwice(rows);
        }
    }

    /** Counts the views must have whatever the processors saw twice: each fact once. */
    private static void nothingAppliedTwice(StoredRows rows) {
        assertThat(rows.number("select count(*) from query.audit_entry")).as("one audit entry per event")
                .isEqualTo(rows.number("select count(*) from events.domain_event_entry"));
        assertThat(rows.number("select count(*) from query.history_client")).isEqualTo(CLIENTS);
        assertThat(rows.number("select count(*) from query.history_session")).isEqualTo(CLIENTS);
        assertThat(rows.number("select count(*) from query.outcome_session where completed")).isEqualTo(CLIENTS);
        assertThat(rows.number("select sum(sessions) from query.outcome_rollup where dimension = 'therapist'"))
                .as("each signed session counted once under its therapist").isEqualTo(CLIENTS);
        assertThat(rows.number("select sum(sessions) from query.outcome_rollup where dimension = 'month'"))
                .as("each signed session counted once under its month").isEqualTo(CLIENTS);
    }

    /**
     * Waits until some view, rebuilding, has read part of the store but not all of it, so that a kill now lands in
     * the middle of a rebuild; answers that view's progress.
     */
    private static JsonNode awaitAViewPartlyRebuilt(Views views) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            for (String view : Views.ALL) {
                JsonNode progress = views.progress(view);
                long done = progress.get("eventsDone").asLong();
                if ("REBUILDING".equals(progress.get("state").asText()) && done > 0
                        && done < progress.get("eventsTotal").asLong()) {
                    return progress;
                }
            }
            assertThat(System.nanoTime()).as("a view seen part way through its rebuild").isLessThan(deadline);
        }
    }

    private static void awaitRecorded(AtomicInteger recorded, int clients, List<Future<?>> days) throws Exception {
        while (recorded.get() < clients) {
            for (Future<?> day : days) {
                if (day.isDone()) {
                    day.get(); // a therapist who stopped early: show why
                }
            }
            Views.pause(20);
        }
    }

    private static String positions(Views views) {
        StringBuilder positions = new StringBuilder();
        for (String view : Views.ALL) {
            JsonNode progress = views.progress(view);
            positions.append(view).append(' ').append(progress.get("state").asText()).append(' ')
                    .append(progress.get("eventsDone").asLong()).append("; ");
        }
        return positions.toString();
    }
}
