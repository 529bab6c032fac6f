package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionRecordValues;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A correction of a signed session: each corrected value with what the record said before beside it, why, by whom
 * and when. The session itself shows the corrected values.
 */
record Amendment(UUID amendmentId, List<Correction> corrections, String reason, String amendedBy,
                 Instant amendedAt) {

    /** One corrected value: {@code field} names it as the session shows it (e.g. {@code painScore}). */
    record Correction(String field, Object original, Object corrected) {
    }

    static Amendment of(SessionAmended amended, String amendedBy) {
        List<Correction> corrections = amended.corrects().stream().sorted()
                .map(field -> new Correction(nameOf(field), valueOf(field, amended.original()),
                        valueOf(field, amended.corrected())))
                .toList();
        return new Amendment(amended.amendmentId().value(), corrections, Plain.text(amended.reason()), amendedBy,
                amended.amendedAt());
    }

    private static String nameOf(AmendedField field) {
        return switch (field) {
            case PAIN_SCORE -> "painScore";
            case PAIN_PATTERN -> "painPattern";
            case POSTURE -> "posture";
            case MOVEMENT_RESTRICTIONS -> "movementRestrictions";
            case POST_SESSION_PAIN_SCORE -> "postSessionPainScore";
            case COMPLETION_NOTES -> "completionNotes";
        };
    }

    private static Object valueOf(AmendedField field, SessionRecordValues values) {
        return switch (field) {
            case PAIN_SCORE -> Plain.points(values.painScore());
            case PAIN_PATTERN -> Plain.text(values.painPattern());
            case POSTURE -> Plain.text(values.posture());
            case MOVEMENT_RESTRICTIONS -> Plain.texts(values.movementRestrictions());
            case POST_SESSION_PAIN_SCORE -> Plain.points(values.postSessionPainScore());
            case COMPLETION_NOTES -> Plain.text(values.completionNotes());
        };
    }
}
