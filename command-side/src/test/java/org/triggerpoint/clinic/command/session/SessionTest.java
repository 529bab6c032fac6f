package org.triggerpoint.clinic.command.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.triggerpoint.clinic.command.client.InMemoryClientRegistry;
import org.triggerpoint.clinic.command.therapist.InMemoryTherapistRoster;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Named.named;
import static org.triggerpoint.clinic.command.common.Refusals.breaking;
import static org.triggerpoint.clinic.command.common.Refusals.unknownRecord;
import static org.triggerpoint.clinic.command.session.SessionEvents.CLIENT;
import static org.triggerpoint.clinic.command.session.SessionEvents.SESSION;
import static org.triggerpoint.clinic.command.session.SessionEvents.THERAPIST;
import static org.triggerpoint.clinic.command.session.SessionEvents.TRIGGER_POINT;
import static org.triggerpoint.clinic.command.session.SessionEvents.assessed;
import static org.triggerpoint.clinic.command.session.SessionEvents.at;
import static org.triggerpoint.clinic.command.session.SessionEvents.completed;
import static org.triggerpoint.clinic.command.session.SessionEvents.started;
import static org.triggerpoint.clinic.command.session.SessionEvents.triggerPointIdentified;
import static org.triggerpoint.clinic.command.session.SessionEvents.triggerPointReleased;
import static org.triggerpoint.clinic.events.session.FollowUpTechnique.MYOFASCIAL_STRETCHING;
import static org.triggerpoint.clinic.events.session.LocalTwitchResponse.PALPABLE;
import static org.triggerpoint.clinic.events.session.Muscle.LEVATOR_SCAPULAE;
import static org.triggerpoint.clinic.events.session.PressureTechnique.INCREMENTAL;
import static org.triggerpoint.clinic.events.session.PressureTechnique.STATIC;
import static org.triggerpoint.clinic.events.session.Side.LEFT;
import static org.triggerpoint.clinic.events.session.Side.RIGHT;
import static org.triggerpoint.clinic.events.session.TissueResponse.PARTIAL;
import static org.triggerpoint.clinic.events.session.TriggerPointKind.LATENT;

class SessionTest {

    private static final TriggerPointId ANOTHER_TRIGGER_POINT = TriggerPointId.of("0195a3c0-0000-7000-8000-0000000007b2");
    private static final AmendmentId AMENDMENT = AmendmentId.of("0195a3c0-0000-7000-8000-00000000a3e1");
    private static final AmendmentId SECOND_AMENDMENT = AmendmentId.of("0195a3c0-0000-7000-8000-00000000a3e2");
    private static final FreeText REASON = new FreeText("Score transcribed wrongly from the paper form");

    private final InMemoryClientRegistry clients = new InMemoryClientRegistry();
    private final InMemoryTherapistRoster therapists = new InMemoryTherapistRoster();
    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(clients);
        fixture.registerInjectableResource(therapists);
    }

    // Starting a session

    @Test
    void canStartASessionForAConsentingClientWithAnActiveTherapist() {
        clients.register(CLIENT, true, true);
        therapists.register(THERAPIST, "MT-20931", true);

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, THERAPIST, at("09:00")))
                .expectEvents(new SessionStarted(SESSION, CLIENT, THERAPIST, at("09:00")));
    }

    @Test
    void cannotStartASessionForAnUnknownClient() {
        therapists.register(THERAPIST, "MT-20931", true);

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, THERAPIST, at("09:00")))
                .expectException(unknownRecord("client", CLIENT))
                .expectNoEvents();
    }

    @Test
    void cannotStartASessionForAClientWithoutConsentToTreatment() {
        clients.register(CLIENT, false, true);
        therapists.register(THERAPIST, "MT-20931", true);

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, THERAPIST, at("09:00")))
                .expectException(breaking(SessionRule.CLIENT_CONSENT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void cannotStartASessionForAClientWhosePersonalDataWasErased() {
        clients.registerErased(CLIENT);
        therapists.register(THERAPIST, "MT-20931", true);

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, THERAPIST, at("09:00")))
                .expectException(breaking(SessionRule.CLIENT_NOT_ERASED))
                .expectNoEvents();
    }

    @Test
    void cannotStartASessionForAClientWhoWithdrewConsentToDataProcessing() {
        clients.register(CLIENT, true, false);
        therapists.register(THERAPIST, "MT-20931", true);

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, THERAPIST, at("09:00")))
                .expectException(breaking(SessionRule.CLIENT_CONSENT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void cannotStartASessionWithAnUnknownTherapist() {
        clients.register(CLIENT, true, true);
        TherapistId stranger = TherapistId.of("0195a3c0-0000-7000-8000-0000000000ff");

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, stranger, at("09:00")))
                .expectException(unknownRecord("therapist", stranger))
                .expectNoEvents();
    }

    @Test
    void cannotStartASessionWithADeactivatedTherapist() {
        clients.register(CLIENT, true, true);
        therapists.register(THERAPIST, "MT-20931", false);

        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CLIENT, THERAPIST, at("09:00")))
                .expectException(breaking(SessionRule.ACTIVE_THERAPIST_REQUIRED))
                .expectNoEvents();
    }

    // Assessment

    @Test
    void canRecordTheAssessmentOfAStartedSession() {
        fixture.given(started())
                .when(recordAssessment())
                .expectEvents(new AssessmentRecorded(SESSION, CLIENT, new PainScore(6), new FreeText("Dull ache"),
                        new FreeText("Left shoulder raised"), List.of(new FreeText("Looking over the left shoulder")),
                        List.of(BodyRegion.NECK, BodyRegion.SHOULDER_AND_UPPER_BACK),
                        List.of(new RangeOfMotion("cervical spine", "rotation", LEFT, 60, true)), at("09:05")));
    }

    @Test
    void cannotRecordASecondAssessment() {
        fixture.given(started(), assessed())
                .when(recordAssessment())
                .expectException(breaking(SessionRule.ASSESSMENT_RECORDED_ONCE))
                .expectNoEvents();
    }

    // Trigger points

    @Test
    void canIdentifyATriggerPointAfterTheAssessment() {
        fixture.given(started(), assessed())
                .when(identifyAnotherTriggerPoint())
                .expectEvents(new TriggerPointIdentified(SESSION, CLIENT, ANOTHER_TRIGGER_POINT, LEVATOR_SCAPULAE,
                        LEFT, LATENT, null, PALPABLE, new PressurePainThreshold(new BigDecimal("3.2")), at("09:12")));
    }

    @Test
    void cannotIdentifyATriggerPointBeforeTheAssessment() {
        fixture.given(started())
                .when(identifyAnotherTriggerPoint())
                .expectException(breaking(SessionRule.ASSESSMENT_BEFORE_TRIGGER_POINTS))
                .expectNoEvents();
    }

    @Test
    void canReleaseAnIdentifiedTriggerPoint() {
        fixture.given(started(), assessed(), triggerPointIdentified())
                .when(releaseTriggerPoint(TRIGGER_POINT))
                .expectEvents(new TriggerPointReleased(SESSION, CLIENT, TRIGGER_POINT, INCREMENTAL,
                        new HoldDuration(75), PARTIAL, false, null, at("09:25")));
    }

    @Test
    void cannotReleaseATriggerPointTwice() {
        fixture.given(started(), assessed(), triggerPointIdentified(), triggerPointReleased())
                .when(releaseTriggerPoint(TRIGGER_POINT))
                .expectException(breaking(SessionRule.RELEASED_ONCE))
                .expectNoEvents();
    }

    @Test
    void cannotReleaseATriggerPointNotIdentifiedInTheSession() {
        fixture.given(started(), assessed(), triggerPointIdentified())
                .when(releaseTriggerPoint(ANOTHER_TRIGGER_POINT))
                .expectException(breaking(SessionRule.RELEASE_OF_IDENTIFIED_TRIGGER_POINT))
                .expectNoEvents();
    }

    // Follow-up techniques

    @Test
    void canApplyAFollowUpTechnique() {
        fixture.given(started(), assessed(), triggerPointIdentified(), triggerPointReleased())
                .when(new ApplyTechnique(SESSION, MYOFASCIAL_STRETCHING, new FreeText("Side-bend stretch, 3 x 30 s"),
                        at("09:30")))
                .expectEvents(new TechniqueApplied(SESSION, CLIENT, MYOFASCIAL_STRETCHING,
                        new FreeText("Side-bend stretch, 3 x 30 s"), at("09:30")));
    }

    // Completion (signing)

    @Test
    void canCompleteAnAssessedSession() {
        fixture.given(started(), assessed(), triggerPointIdentified(), triggerPointReleased())
                .when(new CompleteSession(SESSION, new PainScore(2), new FreeText("Much easier to turn"), at("09:50")))
                .expectEvents(new SessionCompleted(SESSION, CLIENT, new PainScore(2),
                        new FreeText("Much easier to turn"), at("09:50")));
    }

    @Test
    void cannotCompleteASessionWithoutAnAssessment() {
        fixture.given(started())
                .when(new CompleteSession(SESSION, new PainScore(2), null, at("09:50")))
                .expectException(breaking(SessionRule.ASSESSMENT_BEFORE_COMPLETION))
                .expectNoEvents();
    }

    static Stream<Named<Object>> whatASignedRecordRefuses() {
        return Stream.of(
                named("a second assessment", recordAssessment()),
                named("a new trigger point", identifyAnotherTriggerPoint()),
                named("a release", releaseTriggerPoint(TRIGGER_POINT)),
                named("a follow-up technique", new ApplyTechnique(SESSION, MYOFASCIAL_STRETCHING, null, at("10:00"))),
                named("a second completion", new CompleteSession(SESSION, new PainScore(1), null, at("10:00"))));
    }

    @ParameterizedTest(name = "a signed session refuses {0}")
    @MethodSource("whatASignedRecordRefuses")
    void aSignedSessionTakesNothingButSorenessReportsAndAmendments(Object command) {
        fixture.given(started(), assessed(), triggerPointIdentified(), completed())
                .when(command)
                .expectException(breaking(SessionRule.SIGNED_RECORD_CLOSED))
                .expectNoEvents();
    }

    // After signing: soreness reports

    @Test
    void signedSessionTakesSorenessReports() {
        fixture.given(started(), assessed(), completed())
                .when(new ReportSoreness(SESSION, new HoursAfterSession(24), new SorenessSeverity(3), true,
                        new FreeText("Stiff in the morning, gone by noon"), at("09:50").plusSeconds(24 * 3600)))
                .expectEvents(new SorenessReported(SESSION, CLIENT, new HoursAfterSession(24),
                        new SorenessSeverity(3), true, new FreeText("Stiff in the morning, gone by noon"),
                        at("09:50").plusSeconds(24 * 3600)));
    }

    @Test
    void cannotReportSorenessBeforeTheSessionIsSigned() {
        fixture.given(started(), assessed())
                .when(new ReportSoreness(SESSION, new HoursAfterSession(0), new SorenessSeverity(2), false, null,
                        at("09:40")))
                .expectException(breaking(SessionRule.SORENESS_AFTER_COMPLETION))
                .expectNoEvents();
    }

    // After signing: amendments

    @Test
    void amendmentRecordsTheOriginalBesideTheCorrection() {
        SessionRecordValues corrected = new SessionRecordValues(new PainScore(8), null, null, null, new PainScore(4),
                null);

        fixture.given(started(), assessed(), completed())
                .when(new AmendSession(SESSION, AMENDMENT, corrected, REASON, at("12:00")))
                .expectEvents(new SessionAmended(SESSION, CLIENT, AMENDMENT,
                        Set.of(AmendedField.PAIN_SCORE, AmendedField.POST_SESSION_PAIN_SCORE),
                        new SessionRecordValues(assessed().painScore(), null, null, null,
                                completed().postSessionPainScore(), null),
                        corrected, REASON, at("12:00")));
    }

    @Test
    void amendmentOfTheWrittenRecordKeepsTheOriginalWords() {
        SessionRecordValues corrected = new SessionRecordValues(null, new FreeText("Sharp ache"), null,
                List.of(new FreeText("Turning the head to the right"), new FreeText("Looking up")), null,
                new FreeText("Temple ache gone"));

        fixture.given(started(), assessed(), completed())
                .when(new AmendSession(SESSION, AMENDMENT, corrected, REASON, at("12:00")))
                .expectEvents(new SessionAmended(SESSION, CLIENT, AMENDMENT,
                        Set.of(AmendedField.PAIN_PATTERN, AmendedField.MOVEMENT_RESTRICTIONS,
                                AmendedField.COMPLETION_NOTES),
                        new SessionRecordValues(null, assessed().painPattern(), null,
                                assessed().movementRestrictions(), null, completed().notes()),
                        corrected, REASON, at("12:00")));
    }

    @Test
    void aLaterAmendmentRecordsTheEarlierCorrectionAsItsOriginal() {
        SessionRecordValues firstCorrection = new SessionRecordValues(new PainScore(8), null, null, null, null, null);
        SessionRecordValues secondCorrection = new SessionRecordValues(new PainScore(9), null, null, null, null, null);

        fixture.given(started(), assessed(), completed(),
                        new SessionAmended(SESSION, CLIENT, AMENDMENT, Set.of(AmendedField.PAIN_SCORE),
                                new SessionRecordValues(assessed().painScore(), null, null, null, null, null),
                                firstCorrection, REASON, at("12:00")))
                .when(new AmendSession(SESSION, SECOND_AMENDMENT, secondCorrection, REASON, at("13:00")))
                .expectEvents(new SessionAmended(SESSION, CLIENT, SECOND_AMENDMENT, Set.of(AmendedField.PAIN_SCORE),
                        firstCorrection, secondCorrection, REASON, at("13:00")));
    }

    @Test
    void cannotAmendASessionBeforeItIsSigned() {
        fixture.given(started(), assessed())
                .when(new AmendSession(SESSION, AMENDMENT,
                        new SessionRecordValues(new PainScore(8), null, null, null, null, null), REASON, at("09:40")))
                .expectException(breaking(SessionRule.AMENDMENT_AFTER_COMPLETION))
                .expectNoEvents();
    }

    @Test
    void cannotAmendWithoutCorrectingAnything() {
        fixture.given(started(), assessed(), completed())
                .when(new AmendSession(SESSION, AMENDMENT,
                        new SessionRecordValues(null, null, null, null, null, null), REASON, at("12:00")))
                .expectException(breaking(SessionRule.AMENDMENT_CORRECTS_SOMETHING))
                .expectNoEvents();
    }

    private static RecordAssessment recordAssessment() {
        return new RecordAssessment(SESSION, new PainScore(6), new FreeText("Dull ache"),
                new FreeText("Left shoulder raised"), List.of(new FreeText("Looking over the left shoulder")),
                List.of(BodyRegion.NECK, BodyRegion.SHOULDER_AND_UPPER_BACK),
                List.of(new RangeOfMotion("cervical spine", "rotation", LEFT, 60, true)), at("09:05"));
    }

    private static IdentifyTriggerPoint identifyAnotherTriggerPoint() {
        return new IdentifyTriggerPoint(SESSION, ANOTHER_TRIGGER_POINT, LEVATOR_SCAPULAE, LEFT, LATENT, null, PALPABLE,
                new PressurePainThreshold(new BigDecimal("3.2")), at("09:12"));
    }

    private static ReleaseTriggerPoint releaseTriggerPoint(TriggerPointId triggerPointId) {
        return new ReleaseTriggerPoint(SESSION, triggerPointId, INCREMENTAL, new HoldDuration(75), PARTIAL, false, null,
                at("09:25"));
    }
}
