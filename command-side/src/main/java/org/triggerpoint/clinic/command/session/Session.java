package org.triggerpoint.clinic.command.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.triggerpoint.clinic.command.client.ClientRegistry;
import org.triggerpoint.clinic.command.client.ClientRegistry.RegisteredClient;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.command.common.UnknownRecord;
import org.triggerpoint.clinic.command.therapist.TherapistRoster;
import org.triggerpoint.clinic.command.therapist.TherapistRoster.RosteredTherapist;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One treatment session, from assessment to signing, then soreness reports and amendments. A session is its own
 * aggregate so that therapists recording different sessions never contend with one another.
 */
@Aggregate(repository = "sessionRepository")
public class Session {

    @AggregateIdentifier
    private SessionId sessionId;
    private ClientId clientId;
    private boolean assessed;
    private boolean signed;
    private final Set<TriggerPointId> identified = new HashSet<>();
    private final Set<TriggerPointId> released = new HashSet<>();
    /** The record's amendable values as they stand, so an amendment can state what it replaces. */
    private SessionRecordValues record = new SessionRecordValues(null, null, null, null, null, null);

    protected Session() {
        // for Axon
    }

    @CommandHandler
    public Session(StartSession command, ClientRegistry clients, TherapistRoster therapists) {
        RegisteredClient client = clients.find(command.clientId())
                .orElseThrow(() -> new UnknownRecord("client", command.clientId()));
        if (client.erased()) {
            throw new RuleViolation(SessionRule.CLIENT_NOT_ERASED,
                    "The personal data of client " + command.clientId() + " was erased");
        }
        if (!client.consentsToTreatment() || !client.consentsToDataProcessing()) {
            throw new RuleViolation(SessionRule.CLIENT_CONSENT_REQUIRED, client.consentsToTreatment()
                    ? "Client " + command.clientId() + " has withdrawn consent to the processing of their data"
                    : "Client " + command.clientId() + " has not consented to treatment");
        }
        RosteredTherapist therapist = therapists.find(command.therapistId())
                .orElseThrow(() -> new UnknownRecord("therapist", command.therapistId()));
        if (!therapist.active()) {
            throw new RuleViolation(SessionRule.ACTIVE_THERAPIST_REQUIRED,
                    "Therapist " + command.therapistId() + " is deactivated");
        }
        apply(new SessionStarted(command.sessionId(), command.clientId(), command.therapistId(),
                command.startedAt()));
    }

    @CommandHandler
    public void handle(RecordAssessment command) {
        requireNotSigned();
        if (assessed) {
            throw new RuleViolation(SessionRule.ASSESSMENT_RECORDED_ONCE,
                    "Session " + sessionId + " already has its assessment");
        }
        apply(new AssessmentRecorded(sessionId, clientId, command.painScore(), command.painPattern(),
                command.posture(), command.movementRestrictions(), command.regions(), command.rangeOfMotion(),
                command.recordedAt()));
    }

    @CommandHandler
    public void handle(IdentifyTriggerPoint command) {
        requireNotSigned();
        if (!assessed) {
            throw new RuleViolation(SessionRule.ASSESSMENT_BEFORE_TRIGGER_POINTS,
                    "Record the assessment of session " + sessionId + " before identifying trigger points");
        }
        apply(new TriggerPointIdentified(sessionId, clientId, command.triggerPointId(), command.muscle(),
                command.side(), command.kind(), command.referralPattern(), command.localTwitchResponse(),
                command.pressurePainThreshold(), command.identifiedAt()));
    }

    @CommandHandler
    public void handle(ReleaseTriggerPoint command) {
        requireNotSigned();
        if (!identified.contains(command.triggerPointId())) {
            throw new RuleViolation(SessionRule.RELEASE_OF_IDENTIFIED_TRIGGER_POINT,
                    "Trigger point " + command.triggerPointId() + " was not identified in session " + sessionId);
        }
        if (released.contains(command.triggerPointId())) {
            throw new RuleViolation(SessionRule.RELEASED_ONCE,
                    "Trigger point " + command.triggerPointId() + " is already released");
        }
        apply(new TriggerPointReleased(sessionId, clientId, command.triggerPointId(), command.pressure(),
                command.hold(), command.tissueResponse(), command.referredSensationReproduced(),
                command.pressurePainThresholdAfter(), command.releasedAt()));
    }

    @CommandHandler
    public void handle(ApplyTechnique command) {
        requireNotSigned();
        apply(new TechniqueApplied(sessionId, clientId, command.technique(), command.notes(), command.appliedAt()));
    }

    @CommandHandler
    public void handle(CompleteSession command) {
        requireNotSigned();
        if (!assessed) {
            throw new RuleViolation(SessionRule.ASSESSMENT_BEFORE_COMPLETION,
                    "Record the assessment of session " + sessionId + " before completing it");
        }
        apply(new SessionCompleted(sessionId, clientId, command.postSessionPainScore(), command.notes(),
                command.completedAt()));
    }

    @CommandHandler
    public void handle(ReportSoreness command) {
        if (!signed) {
            throw new RuleViolation(SessionRule.SORENESS_AFTER_COMPLETION,
                    "Session " + sessionId + " is not completed yet; soreness is reported after completion");
        }
        apply(new SorenessReported(sessionId, clientId, command.hoursAfterSession(), command.severity(),
                command.resolved(), command.notes(), command.reportedAt()));
    }

    @CommandHandler
    public void handle(AmendSession command) {
        if (!signed) {
            throw new RuleViolation(SessionRule.AMENDMENT_AFTER_COMPLETION,
                    "Session " + sessionId + " is not signed yet; it is amended only after completion");
        }
        Set<AmendedField> corrects = command.corrected().presentFields();
        if (corrects.isEmpty()) {
            throw new RuleViolation(SessionRule.AMENDMENT_CORRECTS_SOMETHING,
                    "The amendment of session " + sessionId + " names no corrected field");
        }
        apply(new SessionAmended(sessionId, clientId, command.amendmentId(), corrects, record.only(corrects),
                command.corrected(), command.reason(), command.amendedAt()));
    }

    /** Whose session this is. */
    public ClientId clientId() {
        return clientId;
    }

    private void requireNotSigned() {
        if (signed) {
            throw new RuleViolation(SessionRule.SIGNED_RECORD_CLOSED,
                    "Session " + sessionId + " is signed: it takes only soreness reports and amendments");
        }
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        clientId = event.clientId();
    }

    @EventSourcingHandler
    void on(AssessmentRecorded event) {
        assessed = true;
        record = record.correctedBy(new SessionRecordValues(event.painScore(), event.painPattern(), event.posture(),
                event.movementRestrictions(), null, null));
    }

    @EventSourcingHandler
    void on(TriggerPointIdentified event) {
        identified.add(event.triggerPointId());
    }

    @EventSourcingHandler
    void on(TriggerPointReleased event) {
        released.add(event.triggerPointId());
    }

    @EventSourcingHandler
    void on(SessionCompleted event) {
        signed = true;
        record = record.correctedBy(new SessionRecordValues(null, null, null, null, event.postSessionPainScore(),
                event.notes()));
    }

    @EventSourcingHandler
    void on(SessionAmended event) {
        record = record.correctedBy(event.corrected());
    }
}
