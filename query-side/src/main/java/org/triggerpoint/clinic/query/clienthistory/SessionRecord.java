package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One session as the events of its stream left it, in the order a therapist works: assessment, trigger points with
 * their release, techniques, the signed completion (null until signed), then soreness reports and amendments. The
 * assessment and completion show the values as amended; each amendment keeps what it replaced.
 */
record SessionRecord(UUID sessionId, UUID therapistId, Instant startedAt, Assessment assessment,
                     List<TriggerPoint> triggerPoints, List<Technique> techniques, Completion completion,
                     List<SorenessReport> sorenessReports, List<Amendment> amendments) {

    /**
     * The record after {@code recorded}, an event of the session's stream. {@code before} is null until the session
     * is started; its stream begins with the start.
     */
    static SessionRecord fold(SessionRecord before, RecordedEvent recorded) {
        Object event = recorded.event();
        if (event instanceof SessionStarted started) {
            return new SessionRecord(started.sessionId().value(), started.therapistId().value(), started.startedAt(),
                    null, List.of(), List.of(), null, List.of(), List.of());
        }
        if (before == null) {
            throw new IllegalStateException("A session's " + event.getClass().getSimpleName()
                    + " came before its start");
        }
        if (event instanceof AssessmentRecorded assessed) {
            return before.with(Assessment.of(assessed), before.completion);
        }
        if (event instanceof TriggerPointIdentified identified) {
            return before.withTriggerPoints(appended(before.triggerPoints, TriggerPoint.of(identified)));
        }
        if (event instanceof TriggerPointReleased released) {
            return before.withTriggerPoints(before.triggerPoints.stream().map(point -> point.after(released)).toList());
        }
        if (event instanceof TechniqueApplied applied) {
            return new SessionRecord(before.sessionId, before.therapistId, before.startedAt, before.assessment,
                    before.triggerPoints, appended(before.techniques, Technique.of(applied)), before.completion,
                    before.sorenessReports, before.amendments);
        }
        if (event instanceof SessionCompleted completed) {
            return before.with(before.assessment, Completion.of(completed, recorded.actor()));
        }
        if (event instanceof SorenessReported reported) {
            return new SessionRecord(before.sessionId, before.therapistId, before.startedAt, before.assessment,
                    before.triggerPoints, before.techniques, before.completion,
                    appended(before.sorenessReports, SorenessReport.of(reported, recorded.actor())), before.amendments);
        }
        if (event instanceof SessionAmended amended) {
            return before.amendedBy(amended, recorded.actor());
        }
        throw new IllegalArgumentException("Not an event of a session: " + event.getClass().getName());
    }

    /** Only a signed session is amended, so it has its assessment and completion. */
    private SessionRecord amendedBy(SessionAmended amended, String amendedBy) {
        return new SessionRecord(sessionId, therapistId, startedAt, assessment.correctedBy(amended.corrected()),
                triggerPoints, techniques, completion.correctedBy(amended.corrected()), sorenessReports,
                appended(amendments, Amendment.of(amended, amendedBy)));
    }

    private SessionRecord with(Assessment newAssessment, Completion newCompletion) {
        return new SessionRecord(sessionId, therapistId, startedAt, newAssessment, triggerPoints, techniques,
                newCompletion, sorenessReports, amendments);
    }

    private SessionRecord withTriggerPoints(List<TriggerPoint> newTriggerPoints) {
        return new SessionRecord(sessionId, therapistId, startedAt, assessment, newTriggerPoints, techniques,
                completion, sorenessReports, amendments);
    }

    private static <T> List<T> appended(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }
}
