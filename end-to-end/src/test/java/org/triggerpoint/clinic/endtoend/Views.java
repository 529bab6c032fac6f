package org.triggerpoint.clinic.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.triggerpoint.clinic.endtoend.Http.Answer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's views as its administrator sees them ({@code /api/admin/projections/{name}/rebuild}): rebuilt on
 * request, and followed until they have read the whole event store.
 */
final class Views {

    /** Every view the query side builds from the events. */
    static final List<String> ALL = List.of("client-history", "outcomes", "audit");

    /** Well beyond the claim timeout after which a killed query side no longer counts as running. */
    private static final Duration OTHER_NODES_LAPSE = Duration.ofSeconds(30);

    private final Http http;
    private final ClinicNode querySide;

    Views(Http http, ClinicNode querySide) {
        this.http = http;
        this.querySide = querySide;
    }

    /** {@code state} (REBUILDING, CATCHING_UP, UP_TO_DATE), {@code eventsDone}, {@code eventsTotal} of a view. */
    JsonNode progress(String view) {
        Answer progress = http.get(path(view), "admin", RunningClinic.ADMIN_PASSWORD, null);
        assertThat(progress.status()).as(view + ": " + progress.body()).isEqualTo(200);
        return progress.json();
    }

    /**
     * Starts building {@code view} again from the first event; returns at once. A query side killed a moment ago is
     * still counted as running until its claims lapse (seconds): the rebuild is refused until then, as an operator
     * would see it, and asked for again.
     */
    void startRebuild(String view) {
        long deadline = System.nanoTime() + OTHER_NODES_LAPSE.toNanos();
        Answer answer = askToRebuild(view);
        while (answer.status() == 409 && answer.body().contains("other query-side node")
                && System.nanoTime() < deadline) {
            pause(200);
            answer = askToRebuild(view);
        }
        assertThat(answer.status()).as(view + ": " + answer.body()).isEqualTo(202);
    }

    private Answer askToRebuild(String view) {
        return http.post(path(view), "admin", RunningClinic.ADMIN_PASSWORD, java.util.Map.of());
    }

    /** Rebuilds every view from the first event and waits until each has caught up with the store. */
    void rebuildAll(Duration within) {
        ALL.forEach(this::startRebuild);
        awaitAllUpToDate(0, within);
    }

    /** Waits until every view reports it is up to date and has read at least up to {@code position}. */
    void awaitAllUpToDate(long position, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (String view : ALL) {
            JsonNode progress = progress(view);
            while (!"UP_TO_DATE".equals(progress.get("state").asText())
                    || progress.get("eventsDone").asLong() < position) {
                assertThat(System.nanoTime()).as("%s reads up to position %d within %s; last seen %s", view,
                        position, within, progress).isLessThan(deadline);
                pause(100);
                progress = progress(view);
            }
        }
    }

    private String path(String view) {
        return querySide.url() + "/api/admin/projections/" + view + "/rebuild";
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
