package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.clienthistory.ClientStory.Entry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.ADMIN;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.ANALYST;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.AUDITOR;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.THERAPIST;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.json;

/**
 * {@code GET /api/clients/{clientId}/history} over HTTP on PostgreSQL, from events appended as the command side
 * would store them. Reads carry the consistency token of the last event, so they answer once the view has it.
 */
@QuerySideIntegrationTest
class ClientHistoryIT {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    /** Characters a JSON writer must escape, or may write in more than one way. */
    private static final String AWKWARD_TEXT =
            "tab\t, line\u2028, unit\u001F, bell\u0007, \"quoted\" \\ / é \uD83D\uDE00 </script>";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper webJson;

    private SignedInRequests requests;
    private EventLog eventLog;
    private final Map<ClientStory, Integer> storedSoFar = new IdentityHashMap<>();

    @BeforeEach
    void signInAndOpenTheLog() {
        requests = new SignedInRequests(port, jdbc, passwordEncoder);
        eventLog = new EventLog(eventStore, jdbc);
    }

    @Test
    void aTherapistReadsTheWholeHistoryOfAClient() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .sorenessReported(24, 3, true)
                .by("lee").painScoreAmended(7, 6, "Client restated the pre-session pain as 6");
        stored(avery);

        HttpResponse<String> response = history(avery, THERAPIST, "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode history = json(response);
        assertThat(history.at("/details/familyName").asText()).isEqualTo("Quinlan");
        assertThat(history.at("/consent/toTreatment").asBoolean()).isTrue();
        JsonNode session = history.at("/sessions/0");
        assertThat(session.at("/assessment/painScore").asInt()).isEqualTo(6);
        assertThat(session.at("/triggerPoints/0/muscle").asText()).isEqualTo("UPPER_TRAPEZIUS");
        assertThat(session.at("/triggerPoints/0/release/tissueResponse").asText()).isEqualTo("RELEASED");
        assertThat(session.at("/techniques/0/technique").asText()).isEqualTo("MYOFASCIAL_STRETCHING");
        assertThat(session.at("/completion/signedBy").asText()).isEqualTo(THERAPIST);
        assertThat(session.at("/sorenessReports/0/hoursAfterSession").asInt()).isEqualTo(24);
        assertThat(session.at("/amendments/0/corrections/0/original").asInt()).isEqualTo(7);
        assertThat(session.at("/amendments/0/corrections/0/corrected").asInt()).isEqualTo(6);
        assertThat(session.at("/amendments/0/amendedBy").asText()).isEqualTo("lee");
        assertThat(history.at("/painTrend/0/painReduction").asInt()).isEqualTo(3);
        assertThat(history.at("/muscleSummary/0/muscle").asText()).isEqualTo("UPPER_TRAPEZIUS");
        assertThat(history.has("asOf")).isFalse();
    }

    @Test
    void aLongHistoryGoesOutAsItIsWrittenOnceItsReadIsLoggedNotHeldWholeFirst() {
        ClientStory rowan = ClientStory.registered("Rowan", "Ashdown", MONDAY);
        for (int week = 0; week < 12; week++) {
            rowan.at(MONDAY.plus(DAY.multipliedBy(7L * week))).signedSession(7, Muscle.UPPER_TRAPEZIUS, 3);
        }
        stored(rowan);

        HttpResponse<String> response = history(rowan, THERAPIST, "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/sessions").size()).isEqualTo(12);
        assertThat(response.body().length()).as("longer than the server's response buffer (8 kB)")
                .isGreaterThan(16 * 1024);
        assertThat(response.headers().firstValue("Transfer-Encoding"))
                .as("sent in chunks as written; an answer held whole goes out with its Content-Length")
                .hasValue("chunked");
        assertThat(jdbc.sql("select outcome from query.read_log where client_id = ? and actor = ?")
                .params(rowan.clientId().value(), THERAPIST).query(String.class).list())
                .containsExactly("SERVED");
    }

    @Test
    void afterAnErasureTheHistoryKeepsTheClinicalFactsAndNoPersonalValue() {
        ClientStory avery = stored(ClientStory.registered("Averilda", "Quinlanova", MONDAY)
                .intakeRecorded("Fell while hiking in Glencoe", PresentingCondition.RESTRICTED_MOBILITY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .painScoreAmended(7, 6, "Client restated the pre-session pain as 6"));
        assertThat(history(avery, THERAPIST, "").body()).contains("Averilda", "Glencoe", "Ache from neck to temple");

        jdbc.sql("update privacy.client_key set data_key = null, destroyed_at = now() where client_id = ?")
                .param(avery.clientId().value()).update();
        stored(avery.by("admin").personalDataErased("Client asked to be forgotten", "GDPR Art. 17(1)(b)"));

        String body = history(avery, THERAPIST, "").body();
        assertThat(body).doesNotContain("Averilda", "Quinlanova", "averilda@example.org", "1984-03-12", "Glencoe",
                "Ache from neck to temple", "Forward head", "Cervical rotation", "Temple and behind the eye",
                "Gentle lateral neck stretch", "restated the pre-session pain");
        JsonNode history = json(history(avery, THERAPIST, ""));
        assertThat(history.get("details").isNull()).isTrue();
        assertThat(history.at("/personalDataErased/by").asText()).isEqualTo("admin");
        assertThat(history.at("/personalDataErased/legalBasis").asText()).isEqualTo("GDPR Art. 17(1)(b)");
        assertThat(history.at("/intake/conditions/0").asText()).isEqualTo("RESTRICTED_MOBILITY");
        assertThat(history.at("/sessions/0/assessment/painScore").asInt()).isEqualTo(6);
        assertThat(history.at("/sessions/0/triggerPoints/0/muscle").asText()).isEqualTo("UPPER_TRAPEZIUS");
        assertThat(history.at("/painTrend/0/painReduction").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("""
                        select count(*) from query.history_client
                        where client_id = ? and (given_name is not null or family_name is not null)""")
                .param(avery.clientId().value()).query(Long.class).single()).isZero();
    }

    /**
     * The session's events and the erasure are committed together, so the view often folds them in one batch (how
     * the processor splits them is its own affair), while this process still holds the client's key from the first
     * read: a session started earlier in the same batch, not written yet, must be re-folded by the erasure too.
     */
    @Test
    void anErasureFoldedInTheSameBatchAsTheRecordsEventsLeavesNoPersonalValue() {
        ClientStory avery = stored(ClientStory.registered("Averilda", "Quinlanova", MONDAY)
                .intakeRecorded("Fell while hiking in Glencoe", PresentingCondition.RESTRICTED_MOBILITY));
        assertThat(history(avery, THERAPIST, "").body()).contains("Averilda", "Glencoe");

        new TransactionTemplate(transactionManager).executeWithoutResult(oneCommit -> {
            stored(avery.signedSession(7, Muscle.UPPER_TRAPEZIUS, 3));
            jdbc.sql("update privacy.client_key set data_key = null, destroyed_at = now() where client_id = ?")
                    .param(avery.clientId().value()).update();
            stored(avery.by("admin").personalDataErased("Client asked to be forgotten", "GDPR Art. 17(1)(b)"));
        });

        String body = history(avery, THERAPIST, "").body();
        assertThat(body).doesNotContain("Averilda", "Quinlanova", "Glencoe", "Ache from neck to temple",
                "Forward head", "Cervical rotation", "Temple and behind the eye", "Gentle lateral neck stretch");
        assertThat(json(history(avery, THERAPIST, "")).at("/sessions/0/triggerPoints/0/muscle").asText())
                .isEqualTo("UPPER_TRAPEZIUS");
        assertThat(jdbc.sql("select count(*) from query.history_session s where client_id = ? and s::text like ?")
                .params(avery.clientId().value(), "%Ache from neck to temple%").query(Long.class).single()).isZero();
    }

    @Test
    void theHistoryReadsByteForByteAsItsRecordsSerialisedFieldByField() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .sessionStarted().assessed(6)
                .triggerPointIdentified(Muscle.LEVATOR_SCAPULAE, Side.RIGHT, TriggerPointKind.LATENT, "0.00000001")
                .released(TissueResponse.PARTIAL, "1e1")
                .completed(2, AWKWARD_TEXT)
                .sorenessReported(50, 4, false)
                .painScoreAmended(6, 5, AWKWARD_TEXT));
        Instant later = avery.now().plus(DAY);

        assertThat(history(avery, THERAPIST, "").body())
                .isEqualTo(HistoryOfValues.answered(HistoryOfValues.of(FoldedStory.of(avery), null), webJson));
        assertThat(history(avery, THERAPIST, "?asOf=" + later).body())
                .isEqualTo(HistoryOfValues.answered(HistoryOfValues.of(FoldedStory.of(avery), later), webJson));
    }

    @Test
    void anAuditorReadsAClientsHistoryToo() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY));

        assertThat(history(avery, AUDITOR, "").statusCode()).isEqualTo(200);
    }

    @Test
    void anAnalystMayNotReadAClientsHistory() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY));

        HttpResponse<String> response = history(avery, ANALYST, "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void readingAClientsHistoryNeedsSigningIn() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY));

        assertThat(history(avery, null, "").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownClientIsNotFound() {
        HttpResponse<String> response = requests.get("/api/clients/" + UUID.randomUUID() + "/history", THERAPIST,
                eventLog.tokenAfterLastEvent());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).at("/title").asText()).isEqualTo("Unknown record");
    }

    @Test
    void theHistoryAsOfBeforeAnAmendmentShowsTheRecordAsSignedAndAfterItTheCorrection() {
        Instant amendedAt = MONDAY.plus(DAY.multipliedBy(3));
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .at(amendedAt).painScoreAmended(7, 6, "Client restated the pre-session pain as 6"));

        JsonNode before = json(history(avery, THERAPIST, "?asOf=" + amendedAt.minusSeconds(1)));
        JsonNode after = json(history(avery, AUDITOR, "?asOf=" + amendedAt));

        assertThat(before.at("/asOf").asText()).isEqualTo(amendedAt.minusSeconds(1).toString());
        assertThat(before.at("/sessions/0/assessment/painScore").asInt()).isEqualTo(7);
        assertThat(before.at("/sessions/0/amendments")).isEmpty();
        assertThat(before.at("/painTrend/0/painReduction").asInt()).isEqualTo(4);
        assertThat(after.at("/sessions/0/assessment/painScore").asInt()).isEqualTo(6);
        assertThat(after.at("/sessions/0/amendments/0/corrections/0/original").asInt()).isEqualTo(7);
        assertThat(after.at("/painTrend/0/painReduction").asInt()).isEqualTo(3);
    }

    @Test
    void theHistoryAsOfBeforeASessionStartedLeavesTheSessionOut() {
        Instant secondSessionAt = MONDAY.plus(DAY.multipliedBy(7));
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .at(secondSessionAt).signedSession(5, Muscle.LEVATOR_SCAPULAE, 2));

        JsonNode before = json(history(avery, THERAPIST, "?asOf=" + secondSessionAt.minusSeconds(1)));
        JsonNode now = json(history(avery, THERAPIST, ""));

        assertThat(before.at("/sessions")).hasSize(1);
        assertThat(before.at("/painTrend")).hasSize(1);
        assertThat(before.at("/muscleSummary")).hasSize(1);
        assertThat(now.at("/sessions")).hasSize(2);
    }

    @Test
    void aClientNotYetRegisteredAtTheAsOfInstantIsNotFound() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY));

        HttpResponse<String> response = history(avery, THERAPIST, "?asOf=" + MONDAY.minusSeconds(1));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void anAsOfThatIsNotAnInstantIsRefusedNamingIt() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY));

        HttpResponse<String> response = history(avery, THERAPIST, "?asOf=last-tuesday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("asOf");
    }

    @Test
    void eventsDeliveredAgainAreNotFoldedTwice() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3));
        long signed = eventStore.createHeadToken().position().orElseThrow();
        stored(avery.sorenessReported(24, 3, true)
                .painScoreAmended(7, 6, "Client restated the pre-session pain as 6")
                .consentWithdrawn(ConsentScope.DATA_PROCESSING));
        JsonNode once = json(history(avery, THERAPIST, ""));

        // Both streams come again from their middle: the session from its soreness report, the client from the
        // withdrawal of consent.
        everySegmentReadsAgainFrom(signed);
        JsonNode again = json(history(avery, THERAPIST, ""));

        assertThat(again.at("/sessions/0/sorenessReports")).hasSize(1);
        assertThat(again.at("/sessions/0/amendments")).hasSize(1);
        assertThat(again.at("/consent/changes")).hasSize(3);
        assertThat(again).isEqualTo(once);
    }

    @Test
    void aRebuildBuildsTheViewAfreshFromTheEvents() throws InterruptedException {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .painScoreAmended(7, 6, "Client restated the pre-session pain as 6"));
        String beforeRebuild = history(avery, THERAPIST, "").body();
        UUID noSuchClient = UUID.randomUUID();
        copyOfTheViewsRow(avery, noSuchClient);
        assertThat(requests.get("/api/clients/" + noSuchClient + "/history", THERAPIST, null).statusCode())
                .isEqualTo(200);

        assertThat(requests.post("/api/admin/projections/client-history/rebuild", ADMIN).statusCode())
                .isEqualTo(202);
        awaitRebuilt();

        assertThat(history(avery, THERAPIST, "").body()).isEqualTo(beforeRebuild);
        assertThat(requests.get("/api/clients/" + noSuchClient + "/history", THERAPIST, null).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select doc::text from query.history_session where client_id = ?")
                .param(avery.clientId().value()).query(String.class).list())
                .as("each session's document as the text it is served as")
                .containsExactlyElementsOf(FoldedStory.of(avery).sessions().stream().map(HistoryDocuments::write)
                        .toList());
    }

    @Test
    void aFailingEventIsHandedBackToTheProcessorNotLoggedAndSkipped() {
        assertThat(eventProcessing.listenerInvocationErrorHandler(ClientHistoryProjection.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    /** Appends the story's events not appended yet. */
    private ClientStory stored(ClientStory story) {
        List<Entry> entries = story.entries();
        int alreadyStored = storedSoFar.getOrDefault(story, 0);
        storedSoFar.put(story, entries.size());
        for (Entry entry : entries.subList(alreadyStored, entries.size())) {
            eventLog.append(entry.streamType(), entry.streamId(), entry.event(), entry.at(), entry.actor(),
                    "THERAPIST");
        }
        return story;
    }

    private HttpResponse<String> history(ClientStory story, String username, String parameters) {
        return requests.get("/api/clients/" + story.clientId() + "/history" + parameters, username,
                eventLog.tokenAfterLastEvent());
    }

    /** A row no event made, as a view gone wrong might hold. */
    private void copyOfTheViewsRow(ClientStory story, UUID clientId) {
        jdbc.sql("""
                        insert into query.history_client
                            (client_id, given_name, family_name, date_of_birth, registered_at, doc, last_position)
                        select ?, given_name, family_name, date_of_birth, registered_at, doc, last_position
                        from query.history_client where client_id = ?""")
                .param(clientId)
                .param(story.clientId().value())
                .update();
    }

    /** As when a segment's token is set back by hand or a segment is split or merged: folded events come again. */
    private void everySegmentReadsAgainFrom(long position) {
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(ClientHistoryProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        transaction.executeWithoutResult(status -> {
            for (int segment : tokenStore.fetchSegments(ClientHistoryProjection.PROCESSING_GROUP)) {
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(position, Collections.emptySet()),
                        ClientHistoryProjection.PROCESSING_GROUP, segment);
                tokenStore.releaseClaim(ClientHistoryProjection.PROCESSING_GROUP, segment);
            }
        });
        processor.start();
    }

    /** A rebuild answers 503 until done, so this waits on its progress, bounded, rather than on a token. */
    private void awaitRebuilt() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (json(requests.get("/api/admin/projections/client-history/rebuild", ADMIN, null))
                .at("/state").asText().equals("REBUILDING")) {
            assertThat(System.nanoTime()).as("rebuilt within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
