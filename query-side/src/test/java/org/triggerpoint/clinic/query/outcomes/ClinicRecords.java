package org.triggerpoint.clinic.query.outcomes;

import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.query.EventLog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes clients' records into the event store as the command side would, with the personal details and notes a real
 * record has, so that tests can check none of them reaches an analyst.
 */
final class ClinicRecords {

    static final String THERAPIST_USER = "dana";

    private final EventLog log;

    ClinicRecords(EventLog log) {
        this.log = log;
    }

    static String noteAbout(String what) {
        return "Note on " + what + ": client mentioned their neighbour Marguerite";
    }

    ClientId registerClient(String givenName, String familyName, LocalDate dateOfBirth, Instant at,
                            Set<PresentingCondition> conditions) {
        ClientId client = new ClientId(UUID.randomUUID());
        registerClient(client, givenName, familyName, dateOfBirth, at, conditions);
        return client;
    }

    void registerClient(ClientId client, String givenName, String familyName, LocalDate dateOfBirth, Instant at,
                        Set<PresentingCondition> conditions) {
        registerWithoutIntake(client, givenName, familyName, dateOfBirth, at);
        intake(client, at, conditions);
    }

    /** A registration alone: an event the outcomes view takes nothing from. */
    void registerWithoutIntake(ClientId client, String givenName, String familyName, LocalDate dateOfBirth,
                               Instant at) {
        client(client, new ClientRegistered(client, new ClientDetails(givenName, familyName, dateOfBirth,
                givenName.toLowerCase() + "@example.org", "+1 555 0100"), at), at);
    }

    void intake(ClientId client, Instant at, Set<PresentingCondition> conditions) {
        client(client, new IntakeRecorded(client, conditions, new FreeText(noteAbout("history")),
                new FreeText(noteAbout("goals")), at), at);
    }

    SessionId startSession(ClientId client, TherapistId therapist, Instant at) {
        SessionId session = new SessionId(UUID.randomUUID());
        startSession(client, session, therapist, at);
        return session;
    }

    void startSession(ClientId client, SessionId session, TherapistId therapist, Instant at) {
        session(session, new SessionStarted(session, client, therapist, at), at);
    }

    void assess(SessionId session, ClientId client, int painScore, Instant at) {
        session(session, new AssessmentRecorded(session, client, new PainScore(painScore),
                new FreeText(noteAbout("pain pattern")), new FreeText("Forward head posture"),
                List.of(new FreeText("Rotation limited")), List.of(), List.of(), at), at);
    }

    TriggerPointId identify(SessionId session, ClientId client, Muscle muscle, Side side, Instant at) {
        TriggerPointId triggerPoint = new TriggerPointId(UUID.randomUUID());
        identify(session, client, triggerPoint, muscle, side, at);
        return triggerPoint;
    }

    void identify(SessionId session, ClientId client, TriggerPointId triggerPoint, Muscle muscle, Side side,
                  Instant at) {
        session(session, new TriggerPointIdentified(session, client, triggerPoint, muscle, side,
                TriggerPointKind.ACTIVE, new FreeText(noteAbout("referral")), LocalTwitchResponse.VISIBLE, null, at),
                at);
    }

    void release(SessionId session, ClientId client, TriggerPointId triggerPoint, PressureTechnique pressure,
                 Instant at) {
        session(session, new TriggerPointReleased(session, client, triggerPoint, pressure, new HoldDuration(60),
                TissueResponse.RELEASED, true, null, at), at);
    }

    void applyTechnique(SessionId session, ClientId client, Instant at) {
        session(session, new TechniqueApplied(session, client, FollowUpTechnique.MYOFASCIAL_STRETCHING,
                new FreeText(noteAbout("stretching")), at), at);
    }

    void complete(SessionId session, ClientId client, int postSessionPainScore, Instant at) {
        session(session, new SessionCompleted(session, client, new PainScore(postSessionPainScore),
                new FreeText(noteAbout("completion")), at), at);
    }

    void reportSoreness(SessionId session, ClientId client, int hoursAfterSession, int severity, boolean resolved,
                        Instant at) {
        session(session, new SorenessReported(session, client, new HoursAfterSession(hoursAfterSession),
                new SorenessSeverity(severity), resolved, new FreeText(noteAbout("soreness")), at), at);
    }

    /** An amendment of the scores; a null score is one it does not correct. */
    void amendScores(SessionId session, ClientId client, Integer originalPainScore, Integer correctedPainScore,
                     Integer originalPostSessionPainScore, Integer correctedPostSessionPainScore, Instant at) {
        SessionRecordValues original = scores(originalPainScore, originalPostSessionPainScore);
        SessionRecordValues corrected = scores(correctedPainScore, correctedPostSessionPainScore);
        Set<AmendedField> corrects = corrected.presentFields();
        session(session, new SessionAmended(session, client, new AmendmentId(UUID.randomUUID()), corrects,
                original.only(corrects), corrected, new FreeText(noteAbout("amendment reason")), at), at);
    }

    private static SessionRecordValues scores(Integer painScore, Integer postSessionPainScore) {
        return new SessionRecordValues(painScore == null ? null : new PainScore(painScore), null, null, null,
                postSessionPainScore == null ? null : new PainScore(postSessionPainScore), null);
    }

    private void client(ClientId client, Object event, Instant at) {
        log.append("Client", client, event, at, THERAPIST_USER, "THERAPIST");
    }

    private void session(SessionId session, Object event, Instant at) {
        log.append("Session", session, event, at, THERAPIST_USER, "THERAPIST");
    }
}
