package org.triggerpoint.clinic.endtoend;

import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.endtoend.Http.Answer;
import org.triggerpoint.clinic.endtoend.TherapistAtWork.Sent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped while therapists' commands stream in, and started again ten seconds later. While it is away
 * every command is answered 503 as a problem within 5 s (no 500, no hanging request); afterwards both processes
 * take commands and build their views again without being restarted; every command answered with success has its
 * events stored and in the views, and no command answered with an error left an event.
 */
class DatabaseOutageIT {

    private static final int THERAPISTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final long ANSWER_WITHIN_MILLIS = 5_000;
    /** From the database's return until commands are stored again and every view has caught up with them. */
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(30);

    private final Http http = new Http();

    @Test
    void commandsAnswer503WhileTheDatabaseIsAwayAndEverythingAcceptedIsStoredAndProjectedAfterwards()
            throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.startWithDatabase("clinic");
             ClinicNode commandSide = ClinicNode.start(ClinicNode.Side.COMMAND, postgres.database("clinic"));
             ClinicNode querySide = ClinicNode.start(ClinicNode.Side.QUERY, postgres.database("clinic"))) {
            long commandPid = commandSide.pid();
            long queryPid = querySide.pid();
            List<TherapistAtWork> therapists = new ArrayList<>();
            for (int t = 0; t < THERAPISTS; t++) {
                therapists.add(TherapistAtWork.hire(http, commandSide.url(), "outage-therapist-" + t));
            }
            AtomicBoolean working = new AtomicBoolean(true);
            ExecutorService work = Executors.newFixedThreadPool(THERAPISTS);
            List<Future<?>> days = new ArrayList<>();
            for (TherapistAtWork therapist : therapists) {
                days.add(work.submit(() -> {
                    for (int n = 0; working.get(); n++) {
                        therapist.recordClient(n);
                    }
                    return null;
                }));
            }

            awaitClientsRecorded(therapists, 20, Duration.ofSeconds(60));
            postgres.stop();
            long down = System.nanoTime();
            List<Answer> readsWhileDown = new ArrayList<>();
            List<Long> readMillis = new ArrayList<>();
            while (System.nanoTime() - down < OUTAGE.toNanos()) {
                long started = System.nanoTime();
                readsWhileDown.add(http.get(querySide.url() + "/api/analytics/outcomes?groupBy=month",
                        "admin", RunningClinic.ADMIN_PASSWORD, null));
                readMillis.add((System.nanoTime() - started) / 1_000_000);
                Views.pause(500);
            }
            long upAgain = System.nanoTime();
            postgres.start();
            int recordedBefore = clientsRecorded(therapists);
            awaitClientsRecorded(therapists, recordedBefore + THERAPISTS, RECOVER_WITHIN);
            working.set(false);
            for (Future<?> day : days) {
                day.get(1, TimeUnit.MINUTES);
            }
            work.shutdown();

            List<Sent> sent = therapists.stream().flatMap(therapist -> therapist.sent().stream()).toList();
            List<Sent> whileDown = sent.stream()
                    .filter(command -> command.sentAt() > down && command.sentAt() < upAgain).toList();
            List<Sent> accepted = sent.stream().filter(Sent::succeeded).toList();
            long commandsBackAfterMillis = accepted.stream().filter(command -> command.sentAt() > upAgain)
                    .mapToLong(command -> (command.sentAt() - upAgain) / 1_000_000 + command.millis())
                    .min().orElseThrow();
            StoredRows rows = new StoredRows(postgres.database("clinic"));
            Views views = new Views(http, querySide);
            views.awaitAllUpToDate(rows.headPosition(), RECOVER_WITHIN);
            long viewsBackAfterMillis = (System.nanoTime() - upAgain) / 1_000_000;
            System.out.printf("database outage of %s: %d commands in all, %d while it was away (slowest answer %d ms),"
                            + " %d stored; first command stored %d ms after the database was back, every view up to"
                            + " date %d ms after%n", OUTAGE, sent.size(), whileDown.size(),
                    whileDown.stream().mapToLong(Sent::millis).max().orElse(0), accepted.size(),
                    commandsBackAfterMillis, viewsBackAfterMillis);

            assertThat(sent).as("every command answered with success or 503, never a 500 or nothing")
                    .allSatisfy(command -> assertThat(command.status()).as("%s", command).isIn(201, 204, 503));
            assertThat(whileDown).as("commands sent while the database was away").hasSizeGreaterThan(THERAPISTS)
                    .allSatisfy(command -> {
                        assertThat(command.status()).as("%s", command).isEqualTo(503);
                        assertThat(command.millis()).as("%s", command).isLessThan(ANSWER_WITHIN_MILLIS);
                        assertThat(command.problem()).as("%s", command).contains("\"title\":\"Database unavailable\"");
                    });
            assertThat(readsWhileDown).allSatisfy(read -> assertThat(read.status()).as(read.body()).isEqualTo(503));
            assertThat(readMillis).allSatisfy(millis -> assertThat(millis).isLessThan(ANSWER_WITHIN_MILLIS));
            assertThat(commandsBackAfterMillis).as("commands stored again after the database is back")
                    .isLessThan(10_000);
            assertThat(viewsBackAfterMillis).as("every view caught up after the database is back")
                    .isLessThan(RECOVER_WITHIN.toMillis());
            assertThat(commandSide.pid()).isEqualTo(commandPid);
            assertThat(querySide.pid()).isEqualTo(queryPid);
            assertThat(commandSide.isAlive() && querySide.isAlive()).as("both processes still running").isTrue();

            // A command whose commit was on its way when the database stopped is answered "outcome unknown": it may
            // be stored or not. Every other answer says what happened.
            Set<String> acceptedIds = accepted.stream().map(Sent::requestId).collect(Collectors.toSet());
            Set<String> unknownIds = sent.stream().filter(command -> command.status() == 503
                            && command.problem().contains("\"title\":\"Outcome unknown\""))
                    .map(Sent::requestId).collect(Collectors.toSet());
            Set<String> storedIds = new HashSet<>(rows.strings("""
                    select distinct meta_data::jsonb ->> 'requestId' from events.domain_event_entry
                    where meta_data::jsonb ->> 'requestId' like 'outage-therapist-%'"""));
            assertThat(storedIds).as("every command answered with success is stored").containsAll(acceptedIds);
            Set<String> storedBeyondAccepted = new HashSet<>(storedIds);
            storedBeyondAccepted.removeAll(acceptedIds);
            assertThat(storedBeyondAccepted).as("no command answered with an error is stored, unless its answer said"
                    + " the outcome was unknown").isSubsetOf(unknownIds);

            Set<String> audited = new HashSet<>(rows.strings("""
                    select distinct request_id from query.audit_entry where request_id like 'outage-therapist-%'"""));
            assertThat(audited).as("every stored command in the audit trail").isEqualTo(storedIds);
            assertThat(rows.number("select count(*) from query.history_client")).isEqualTo(sent.stream()
                    .filter(command -> storedIds.contains(command.requestId()) && command.path().equals("/api/clients"))
                    .count());
            assertThat(rows.number("select count(*) from query.history_session")).isEqualTo(sent.stream()
                    .filter(command -> storedIds.contains(command.requestId()) && command.path().equals("/api/sessions"))
                    .count());
            var projected = rows.viewTables();
            views.rebuildAll(Duration.ofSeconds(60));
            assertThat(projected).as("the views built through the outage equal a rebuild")
                    .isEqualTo(rows.viewTables());
        }
    }

    private static int clientsRecorded(List<TherapistAtWork> therapists) {
        return therapists.stream().mapToInt(TherapistAtWork::clientsRecorded).sum();
    }

    private static void awaitClientsRecorded(List<TherapistAtWork> therapists, int clients, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (clientsRecorded(therapists) < clients) {
            assertThat(System.nanoTime()).as("%d whole client records stored within %s", clients, within)
                    .isLessThan(deadline);
            Views.pause(50);
        }
    }
}
