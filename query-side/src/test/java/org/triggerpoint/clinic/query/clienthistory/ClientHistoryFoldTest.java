package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointKind;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client-history fold on its own: events in, the history as a clinician reads it out. */
class ClientHistoryFoldTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final ObjectMapper WEB_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void aRegisteredClientShowsTheirDetailsAndConsentToBoth() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY);

        JsonNode history = rendered(avery);

        assertThat(history.at("/clientId").asText()).isEqualTo(avery.clientId().toString());
        assertThat(history.at("/details/givenName").asText()).isEqualTo("Avery");
        assertThat(history.at("/details/familyName").asText()).isEqualTo("Quinlan");
        assertThat(history.at("/details/dateOfBirth").asText()).isEqualTo("1984-03-12");
        assertThat(history.at("/registeredAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(history.at("/consent/toTreatment").asBoolean()).isTrue();
        assertThat(history.at("/consent/toDataProcessing").asBoolean()).isTrue();
        assertThat(history.at("/intake").isNull()).isTrue();
        assertThat(history.at("/sessions")).isEmpty();
    }

    @Test
    void aWithdrawnConsentShowsWhoWithdrewItAndWhen() {
        Instant withdrawnAt = MONDAY.plus(Duration.ofDays(3));
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .at(withdrawnAt).by("lee").consentWithdrawn(ConsentScope.TREATMENT);

        JsonNode consent = rendered(avery).at("/consent");

        assertThat(consent.at("/toTreatment").asBoolean()).isFalse();
        assertThat(consent.at("/toDataProcessing").asBoolean()).isTrue();
        assertThat(consent.at("/changes")).hasSize(3);
        assertThat(consent.at("/changes/2/scope").asText()).isEqualTo("TREATMENT");
        assertThat(consent.at("/changes/2/change").asText()).isEqualTo("WITHDRAWN");
        assertThat(consent.at("/changes/2/at").asText()).isEqualTo(withdrawnAt.toString());
        assertThat(consent.at("/changes/2/by").asText()).isEqualTo("lee");
    }

    @Test
    void aLaterIntakeTakesThePlaceOfAnEarlierOne() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .intakeRecorded("Desk work", PresentingCondition.POSTURAL_OR_REPETITIVE_STRAIN)
                .intakeRecorded("Desk work, headaches since spring", PresentingCondition.TENSION_HEADACHE_OR_MIGRAINE,
                        PresentingCondition.NECK_SHOULDER_OR_JAW_TENSION);

        JsonNode intake = rendered(avery).at("/intake");

        assertThat(intake.at("/history").asText()).isEqualTo("Desk work, headaches since spring");
        assertThat(intake.at("/conditions").toString())
                .isEqualTo("[\"TENSION_HEADACHE_OR_MIGRAINE\",\"NECK_SHOULDER_OR_JAW_TENSION\"]");
        assertThat(intake.at("/recordedBy").asText()).isEqualTo(ClientStory.THERAPIST);
    }

    @Test
    void aSessionShowsItsAssessmentTriggerPointsAndTechniques() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .sessionStarted()
                .assessed(7)
                .triggerPointIdentified(Muscle.UPPER_TRAPEZIUS, Side.LEFT, TriggerPointKind.ACTIVE, "2.5")
                .triggerPointIdentified(Muscle.LEVATOR_SCAPULAE, Side.RIGHT, TriggerPointKind.LATENT, null)
                .techniqueApplied(FollowUpTechnique.GENTLE_MOVEMENT);

        JsonNode session = rendered(avery).at("/sessions/0");

        assertThat(session.at("/sessionId").asText()).isEqualTo(avery.session().toString());
        assertThat(session.at("/assessment/painScore").asInt()).isEqualTo(7);
        assertThat(session.at("/assessment/painPattern").asText()).isEqualTo("Ache from neck to temple");
        assertThat(session.at("/assessment/movementRestrictions/0").asText())
                .isEqualTo("Cervical rotation left limited");
        assertThat(session.at("/assessment/rangeOfMotion/0/degrees").asInt()).isEqualTo(45);
        assertThat(session.at("/triggerPoints")).hasSize(2);
        assertThat(session.at("/triggerPoints/0/muscle").asText()).isEqualTo("UPPER_TRAPEZIUS");
        assertThat(session.at("/triggerPoints/0/side").asText()).isEqualTo("LEFT");
        assertThat(session.at("/triggerPoints/0/kind").asText()).isEqualTo("ACTIVE");
        assertThat(session.at("/triggerPoints/0/referralPattern").asText()).isEqualTo("Temple and behind the eye");
        assertThat(session.at("/triggerPoints/0/localTwitchResponse").asText()).isEqualTo("VISIBLE");
        assertThat(session.at("/triggerPoints/0/pressurePainThreshold").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(session.at("/triggerPoints/1/muscle").asText()).isEqualTo("LEVATOR_SCAPULAE");
        assertThat(session.at("/triggerPoints/1/pressurePainThreshold").isNull()).isTrue();
        assertThat(session.at("/techniques/0/technique").asText()).isEqualTo("GENTLE_MOVEMENT");
    }

    @Test
    void aReleaseIsShownOnTheTriggerPointItReleased() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .sessionStarted()
                .assessed(7)
                .triggerPointIdentified(Muscle.UPPER_TRAPEZIUS, Side.LEFT, TriggerPointKind.ACTIVE, "2.5")
                .triggerPointIdentified(Muscle.LEVATOR_SCAPULAE, Side.RIGHT, TriggerPointKind.ACTIVE, "3.0")
                .released(TissueResponse.PARTIAL, "3.5");

        JsonNode triggerPoints = rendered(avery).at("/sessions/0/triggerPoints");

        assertThat(triggerPoints.at("/0/release").isNull()).isTrue();
        JsonNode release = triggerPoints.at("/1/release");
        assertThat(release.at("/pressure").asText()).isEqualTo("STATIC");
        assertThat(release.at("/holdSeconds").asInt()).isEqualTo(60);
        assertThat(release.at("/tissueResponse").asText()).isEqualTo("PARTIAL");
        assertThat(release.at("/referredSensationReproduced").asBoolean()).isTrue();
        assertThat(release.at("/pressurePainThresholdAfter").decimalValue()).isEqualByComparingTo("3.5");
    }

    @Test
    void aSignedSessionShowsWhoSignedIt() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .sessionStarted().assessed(7).by("sam").completed(3, "Less pain turning head");
        Instant signedAt = avery.now().minus(Duration.ofMinutes(1));

        JsonNode completion = rendered(avery).at("/sessions/0/completion");

        assertThat(completion.at("/postSessionPainScore").asInt()).isEqualTo(3);
        assertThat(completion.at("/notes").asText()).isEqualTo("Less pain turning head");
        assertThat(completion.at("/signedBy").asText()).isEqualTo("sam");
        assertThat(completion.at("/signedAt").asText()).isEqualTo(signedAt.toString());
    }

    @Test
    void anUnsignedSessionHasNoCompletionAndStaysOffThePainTrend() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY).sessionStarted().assessed(7);

        JsonNode history = rendered(avery);

        assertThat(history.at("/sessions/0/completion").isNull()).isTrue();
        assertThat(history.at("/painTrend")).isEmpty();
    }

    @Test
    void anAmendmentShowsTheOriginalBesideTheCorrection() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .by("lee").painScoreAmended(7, 6, "Client restated the pre-session pain as 6");
        Instant amendedAt = avery.now().minus(Duration.ofMinutes(1));

        JsonNode amendment = rendered(avery).at("/sessions/0/amendments/0");

        assertThat(amendment.at("/corrections")).hasSize(1);
        assertThat(amendment.at("/corrections/0/field").asText()).isEqualTo("painScore");
        assertThat(amendment.at("/corrections/0/original").asInt()).isEqualTo(7);
        assertThat(amendment.at("/corrections/0/corrected").asInt()).isEqualTo(6);
        assertThat(amendment.at("/reason").asText()).isEqualTo("Client restated the pre-session pain as 6");
        assertThat(amendment.at("/amendedBy").asText()).isEqualTo("lee");
        assertThat(amendment.at("/amendedAt").asText()).isEqualTo(amendedAt.toString());
    }

    @Test
    void anAmendedSessionShowsTheCorrectedValueAndKeepsItsSignature() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .by("lee").painScoreAmended(7, 6, "Client restated the pre-session pain as 6");

        JsonNode session = rendered(avery).at("/sessions/0");

        assertThat(session.at("/assessment/painScore").asInt()).isEqualTo(6);
        assertThat(session.at("/assessment/posture").asText()).isEqualTo("Forward head");
        assertThat(session.at("/completion/postSessionPainScore").asInt()).isEqualTo(3);
        assertThat(session.at("/completion/signedBy").asText()).isEqualTo(ClientStory.THERAPIST);
    }

    @Test
    void sessionsAreListedInTheOrderTheyStarted() {
        Instant later = MONDAY.plus(Duration.ofDays(7));
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .at(later).sessionStarted();
        String laterSession = avery.session().toString();
        // Recorded afterwards, but backdated to the day of registration.
        avery.at(MONDAY.plus(Duration.ofHours(1))).sessionStarted();
        String earlierSession = avery.session().toString();

        JsonNode sessions = rendered(avery).at("/sessions");

        assertThat(sessions.at("/0/sessionId").asText()).isEqualTo(earlierSession);
        assertThat(sessions.at("/1/sessionId").asText()).isEqualTo(laterSession);
    }

    @Test
    void thePainTrendGivesEachCompletedSessionsPainBeforeAfterAndReductionAsAmended() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .painScoreAmended(7, 6, "Client restated the pre-session pain as 6")
                .at(MONDAY.plus(Duration.ofDays(7))).signedSession(5, Muscle.UPPER_TRAPEZIUS, 4);

        JsonNode trend = rendered(avery).at("/painTrend");

        assertThat(trend).hasSize(2);
        assertThat(trend.at("/0/date").asText()).isEqualTo("2026-03-02");
        assertThat(trend.at("/0/painScore").asInt()).isEqualTo(6);
        assertThat(trend.at("/0/postSessionPainScore").asInt()).isEqualTo(3);
        assertThat(trend.at("/0/painReduction").asInt()).isEqualTo(3);
        assertThat(trend.at("/1/date").asText()).isEqualTo("2026-03-09");
        assertThat(trend.at("/1/painReduction").asInt()).isEqualTo(1);
    }

    @Test
    void theMuscleSummaryCountsWhereAndHowEachMuscleWasFoundAndReleased() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .sessionStarted().assessed(7)
                .triggerPointIdentified(Muscle.UPPER_TRAPEZIUS, Side.LEFT, TriggerPointKind.ACTIVE, null)
                .released(TissueResponse.PARTIAL, null)
                .triggerPointIdentified(Muscle.PIRIFORMIS, Side.RIGHT, TriggerPointKind.LATENT, null)
                .at(MONDAY.plus(Duration.ofDays(7))).sessionStarted().assessed(5)
                .triggerPointIdentified(Muscle.UPPER_TRAPEZIUS, Side.RIGHT, TriggerPointKind.LATENT, null)
                .released(TissueResponse.RELEASED, null);

        JsonNode summary = rendered(avery).at("/muscleSummary");

        assertThat(summary).hasSize(2);
        JsonNode trapezius = summary.at("/0");
        assertThat(trapezius.at("/muscle").asText()).isEqualTo("UPPER_TRAPEZIUS");
        assertThat(trapezius.at("/timesIdentified").asInt()).isEqualTo(2);
        assertThat(trapezius.at("/firstIdentified").asText()).isEqualTo("2026-03-02");
        assertThat(trapezius.at("/lastIdentified").asText()).isEqualTo("2026-03-09");
        assertThat(trapezius.at("/sides").toString()).isEqualTo("[\"LEFT\",\"RIGHT\"]");
        assertThat(trapezius.at("/kinds").toString()).isEqualTo("[\"ACTIVE\",\"LATENT\"]");
        assertThat(trapezius.at("/releasesByTissueResponse").toString())
                .isEqualTo("{\"RELEASED\":1,\"PARTIAL\":1,\"NO_CHANGE\":0}");
        assertThat(summary.at("/1/muscle").asText()).isEqualTo("PIRIFORMIS");
        assertThat(summary.at("/1/releasesByTissueResponse").toString())
                .isEqualTo("{\"RELEASED\":0,\"PARTIAL\":0,\"NO_CHANGE\":0}");
    }

    @Test
    void meanPressurePainThresholdsCountOnlyTheMeasuredOnes() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .sessionStarted().assessed(7)
                .triggerPointIdentified(Muscle.INFRASPINATUS, Side.LEFT, TriggerPointKind.ACTIVE, "2.0")
                .released(TissueResponse.RELEASED, "3.0")
                .triggerPointIdentified(Muscle.INFRASPINATUS, Side.RIGHT, TriggerPointKind.ACTIVE, "2.5")
                .released(TissueResponse.RELEASED, null)
                .triggerPointIdentified(Muscle.INFRASPINATUS, Side.RIGHT, TriggerPointKind.LATENT, null)
                .triggerPointIdentified(Muscle.TEMPORALIS, Side.LEFT, TriggerPointKind.ACTIVE, null);

        JsonNode summary = rendered(avery).at("/muscleSummary");

        assertThat(summary.at("/0/muscle").asText()).isEqualTo("INFRASPINATUS");
        assertThat(summary.at("/0/meanPressurePainThresholdBefore").decimalValue()).isEqualByComparingTo("2.25");
        assertThat(summary.at("/0/meanPressurePainThresholdAfter").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(summary.at("/1/muscle").asText()).isEqualTo("TEMPORALIS");
        assertThat(summary.at("/1/meanPressurePainThresholdBefore").isNull()).isTrue();
        assertThat(summary.at("/1/meanPressurePainThresholdAfter").isNull()).isTrue();
    }

    @Test
    void sorenessReportedAfter72HoursOrUnresolvedAt48HoursNeedsAttention() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .by("lee")
                .sorenessReported(24, 3, false)
                .sorenessReported(48, 2, false)
                .sorenessReported(72, 1, true)
                .sorenessReported(96, 1, true);

        JsonNode reports = rendered(avery).at("/sessions/0/sorenessReports");

        assertThat(reports).hasSize(4);
        assertThat(reports.at("/0/hoursAfterSession").asInt()).isEqualTo(24);
        assertThat(reports.at("/0/severity").asInt()).isEqualTo(3);
        assertThat(reports.at("/0/recordedBy").asText()).isEqualTo("lee");
        assertThat(reports.at("/0/needsAttention").asBoolean()).isFalse();
        assertThat(reports.at("/1/needsAttention").asBoolean()).isTrue();
        assertThat(reports.at("/2/needsAttention").asBoolean()).isFalse();
        assertThat(reports.at("/3/needsAttention").asBoolean()).isTrue();
    }

    @Test
    void aStoredDocumentReadsBackAsTheRecordItWasWrittenFrom() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY)
                .intakeRecorded("Desk work", PresentingCondition.RESTRICTED_MOBILITY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .sorenessReported(24, 3, true)
                .painScoreAmended(7, 6, "Client restated the pre-session pain as 6");
        FoldedStory folded = FoldedStory.of(avery);
        ClientRecord client = folded.client();
        SessionRecord session = folded.sessions().get(0);

        assertThat(HistoryDocuments.read(HistoryDocuments.writeUtf8(client), ClientRecord.class)).isEqualTo(client);
        assertThat(HistoryDocuments.read(HistoryDocuments.writeUtf8(session), SessionRecord.class)).isEqualTo(session);
    }

    @Test
    void aSessionEventBeforeTheSessionStartedIsRefused() {
        ClientStory avery = ClientStory.registered("Avery", "Quinlan", MONDAY).sessionStarted().assessed(7);
        ClientStory.Entry assessment = avery.entries().get(avery.entries().size() - 1);

        assertThatThrownBy(() -> SessionRecord.fold(null, new RecordedEvent(assessment.event(), "dana")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AssessmentRecorded came before its start");
    }

    static ClientHistory historyOf(ClientStory story) {
        return FoldedStory.of(story).history();
    }

    /** As it goes over the wire: a tree made without the text would hold each session's document unparsed. */
    private static JsonNode rendered(ClientStory story) {
        try {
            return WEB_JSON.readTree(WEB_JSON.writeValueAsString(historyOf(story)));
        } catch (JsonProcessingException failure) {
            throw new AssertionError(failure);
        }
    }
}
