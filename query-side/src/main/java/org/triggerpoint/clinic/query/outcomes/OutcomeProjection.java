package org.triggerpoint.clinic.query.outcomes;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordEvent;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.query.projections.BatchScope;
import org.triggerpoint.clinic.query.projections.EventPosition;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * Builds the outcome-analytics view. A client's events and their sessions' arrive in store order within one segment
 * (clientRecordSequencing), so an intake is always seen before the sessions it applies to. Axon runs each batch and
 * its token update in one transaction; a batch's sessions, intakes and rollup changes are kept in memory while it
 * runs and written just before it commits ({@link OutcomeBatch}).
 */
@Component
@ProcessingGroup("outcomes")
class OutcomeProjection {

    private static final String BATCH = OutcomeProjection.class.getName() + ".batch";

    private final OutcomeSessions sessions;
    private final OutcomeRollups rollups;
    private final RollupsAfterRebuild afterRebuild;

    OutcomeProjection(OutcomeSessions sessions, OutcomeRollups rollups, RollupsAfterRebuild afterRebuild) {
        this.sessions = sessions;
        this.rollups = rollups;
        this.afterRebuild = afterRebuild;
    }

    @EventHandler
    void on(IntakeRecorded event, EventMessage<?> message, TrackingToken token) {
        batch().recordIntake(event.clientId().value(), event.conditions(), EventPosition.of(message, token));
    }

    @EventHandler
    void on(SessionStarted event, EventMessage<?> message, TrackingToken token) {
        batch().start(event.sessionId().value(), SessionOutcome.started(event.clientId().value(),
                event.therapistId().value(), YearMonth.from(event.startedAt().atZone(ZoneOffset.UTC))),
                EventPosition.of(message, token));
    }

    @EventHandler
    void on(AssessmentRecorded event, EventMessage<?> message, TrackingToken token) {
        change(event, message, token, outcome -> outcome.assessed(event.painScore().points()));
    }

    @EventHandler
    void on(TriggerPointIdentified event, EventMessage<?> message, TrackingToken token) {
        change(event, message, token, outcome -> outcome.withTriggerPointIn(event.muscle()));
    }

    @EventHandler
    void on(TriggerPointReleased event, EventMessage<?> message, TrackingToken token) {
        change(event, message, token, outcome -> outcome.withReleaseBy(event.pressure()));
    }

    @EventHandler
    void on(SessionCompleted event, EventMessage<?> message, TrackingToken token) {
        change(event, message, token, outcome -> outcome.completed(
                event.postSessionPainScore().points(), batch().conditionsOf(event.clientId().value())));
    }

    @EventHandler
    void on(SorenessReported event, EventMessage<?> message, TrackingToken token) {
        change(event, message, token, outcome -> outcome.withSorenessReport(
                event.hoursAfterSession().hours(), event.severity().points(), event.resolved()));
    }

    @EventHandler
    void on(SessionAmended event, EventMessage<?> message, TrackingToken token) {
        var corrected = event.corrected();
        change(event, message, token, outcome -> outcome.amended(
                corrected.painScore() == null ? null : corrected.painScore().points(),
                corrected.postSessionPainScore() == null ? null : corrected.postSessionPainScore().points()));
    }

    /**
     * Every other event: nothing to the outcomes, but it may end a rebuild, whose last batch counts the rollups
     * ({@link RollupsAfterRebuild}) whatever events it holds.
     */
    @EventHandler
    void on(Object otherEvent) {
        batch();
    }

    /**
     * Rebuilding: runs in the transaction that resets the processor's tokens, so both happen or neither. The rollups
     * wait for the rebuild's last batch.
     */
    @ResetHandler
    void reset() {
        sessions.clear();
        rollups.clear();
        afterRebuild.waitForRebuild();
    }

    private void change(SessionRecordEvent event, EventMessage<?> message, TrackingToken token,
                        UnaryOperator<SessionOutcome> change) {
        long position = EventPosition.of(message, token);
        OutcomeBatch batch = batch();
        SessionId sessionId = event.sessionId();
        OutcomeSessions.Stored stored = batch.find(event.clientId().value(), sessionId.value())
                .orElseThrow(() -> new IllegalStateException(
                        "Session " + sessionId + " has an event at position " + position + " but was never started"));
        if (position <= stored.lastPosition()) {
            return; // redelivered: this event is in the view already
        }
        batch.change(sessionId.value(), change.apply(stored.outcome()), position);
    }

    /** This batch's sessions, intakes and rollup changes, written just before the batch commits (with its token). */
    private OutcomeBatch batch() {
        return BatchScope.current(BATCH, () -> {
            OutcomeBatch batch = new OutcomeBatch(sessions, rollups, afterRebuild, BatchScope.tokenAfter());
            batch.readAhead(BatchScope.events());
            return batch;
        }, OutcomeBatch::write);
    }
}
