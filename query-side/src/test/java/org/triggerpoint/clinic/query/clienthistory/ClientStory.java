package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A client's record told event by event, as the command side would store it: each event in its stream ("Client" or
 * "Session"), at its time, caused by its actor. Steps follow one another a minute apart unless {@link #at} says
 * otherwise; session steps act on the session started last and releases on the trigger point identified last.
 */
final class ClientStory {

    /** One stored event: the stream (aggregate type and id) it belongs to, when and by whom. */
    record Entry(String streamType, String streamId, Object event, Instant at, String actor) {
    }

    static final String THERAPIST = "dana";
    private static final Duration STEP = Duration.ofMinutes(1);

    private final ClientId clientId = new ClientId(UUID.randomUUID());
    private final TherapistId therapistId = new TherapistId(UUID.randomUUID());
    private final List<Entry> entries = new ArrayList<>();
    private Instant now;
    private String actor = THERAPIST;
    private SessionId session;
    private TriggerPointId triggerPoint;

    private ClientStory(Instant start) {
        this.now = start;
    }

    /** Registration, as the command side records it: the client's details, then both consents. */
    static ClientStory registered(String givenName, String familyName, Instant at) {
        ClientStory story = new ClientStory(at);
        Instant registeredAt = story.now;
        story.client(new ClientRegistered(story.clientId, new ClientDetails(givenName, familyName,
                LocalDate.of(1984, 3, 12), givenName.toLowerCase() + "@example.org", "+1 555 0100"), registeredAt));
        story.client(new ConsentGiven(story.clientId, ConsentScope.TREATMENT, registeredAt));
        story.client(new ConsentGiven(story.clientId, ConsentScope.DATA_PROCESSING, registeredAt));
        return story;
    }

    ClientStory at(Instant instant) {
        now = instant;
        return this;
    }

    ClientStory by(String user) {
        actor = user;
        return this;
    }

    ClientStory intakeRecorded(String history, PresentingCondition... conditions) {
        return client(new IntakeRecorded(clientId, Set.of(conditions), new FreeText(history),
                new FreeText("Turn head freely"), now));
    }

    /** The administrator's erasure; the test destroys the client's key itself, as the command side would. */
    ClientStory personalDataErased(String reason, String legalBasis) {
        return client(new ClientDataErased(clientId, reason, legalBasis, now.plus(Duration.ofDays(7 * 365)), now));
    }

    ClientStory consentWithdrawn(ConsentScope scope) {
        return client(new ConsentWithdrawn(clientId, scope, now));
    }

    ClientStory sessionStarted() {
        session = new SessionId(UUID.randomUUID());
        return session(new SessionStarted(session, clientId, therapistId, now));
    }

    ClientStory assessed(int painScore) {
        return session(new AssessmentRecorded(session, clientId, new PainScore(painScore),
                new FreeText("Ache from neck to temple"), new FreeText("Forward head"),
                List.of(new FreeText("Cervical rotation left limited")), List.of(BodyRegion.NECK),
                List.of(new RangeOfMotion("CERVICAL", "ROTATION", Side.LEFT, 45, true)), now));
    }

    /** {@code pressurePainThreshold} in kg/cm², null when not measured. */
    ClientStory triggerPointIdentified(Muscle muscle, Side side, TriggerPointKind kind, String pressurePainThreshold) {
        triggerPoint = new TriggerPointId(UUID.randomUUID());
        return session(new TriggerPointIdentified(session, clientId, triggerPoint, muscle, side, kind,
                new FreeText("Temple and behind the eye"), LocalTwitchResponse.VISIBLE,
                threshold(pressurePainThreshold), now));
    }

    /** {@code pressurePainThresholdAfter} in kg/cm², null when not measured. */
    ClientStory released(TissueResponse response, String pressurePainThresholdAfter) {
        return session(new TriggerPointReleased(session, clientId, triggerPoint, PressureTechnique.STATIC,
                new HoldDuration(60), response, true, threshold(pressurePainThresholdAfter), now));
    }

    ClientStory techniqueApplied(FollowUpTechnique technique) {
        return session(new TechniqueApplied(session, clientId, technique, new FreeText("Gentle lateral neck stretch"),
                now));
    }

    ClientStory completed(int postSessionPainScore, String notes) {
        return session(new SessionCompleted(session, clientId, new PainScore(postSessionPainScore),
                new FreeText(notes), now));
    }

    ClientStory sorenessReported(int hoursAfterSession, int severity, boolean resolved) {
        return session(new SorenessReported(session, clientId, new HoursAfterSession(hoursAfterSession),
                new SorenessSeverity(severity), resolved, new FreeText("Mild, like after exercise"), now));
    }

    ClientStory painScoreAmended(int original, int corrected, String reason) {
        return session(new SessionAmended(session, clientId, new AmendmentId(UUID.randomUUID()),
                Set.of(AmendedField.PAIN_SCORE), painScore(original), painScore(corrected), new FreeText(reason),
                now));
    }

    /** A whole signed session: assessed, one trigger point found and released, stretched, signed. */
    ClientStory signedSession(int painScore, Muscle muscle, int postSessionPainScore) {
        return sessionStarted()
                .assessed(painScore)
                .triggerPointIdentified(muscle, Side.LEFT, TriggerPointKind.ACTIVE, "2.5")
                .released(TissueResponse.RELEASED, "3.5")
                .techniqueApplied(FollowUpTechnique.MYOFASCIAL_STRETCHING)
                .completed(postSessionPainScore, "Less pain turning head");
    }

    ClientId clientId() {
        return clientId;
    }

    SessionId session() {
        return session;
    }

    /** When the next step happens. */
    Instant now() {
        return now;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    private ClientStory client(Object event) {
        return record("Client", clientId.toString(), event);
    }

    private ClientStory session(Object event) {
        return record("Session", session.toString(), event);
    }

    private ClientStory record(String streamType, String streamId, Object event) {
        entries.add(new Entry(streamType, streamId, event, now, actor));
        now = now.plus(STEP);
        return this;
    }

    private static SessionRecordValues painScore(int points) {
        return new SessionRecordValues(new PainScore(points), null, null, null, null, null);
    }

    private static PressurePainThreshold threshold(String kgPerSquareCentimetre) {
        return kgPerSquareCentimetre == null ? null : new PressurePainThreshold(new BigDecimal(kgPerSquareCentimetre));
    }
}
