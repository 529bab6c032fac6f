package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionRecordValues;

import java.time.Instant;

/** The signing of a session: the client's pain after treatment (NPRS 0–10), notes, and the therapist who signed. */
record Completion(int postSessionPainScore, String notes, String signedBy, Instant signedAt) {

    static Completion of(SessionCompleted completed, String signedBy) {
        return new Completion(completed.postSessionPainScore().points(), Plain.text(completed.notes()), signedBy,
                completed.completedAt());
    }

    /** The completion as an amendment corrected it; the signature stays the original one. */
    Completion correctedBy(SessionRecordValues corrected) {
        return new Completion(
                corrected.postSessionPainScore() != null
                        ? corrected.postSessionPainScore().points() : postSessionPainScore,
                corrected.completionNotes() != null ? Plain.text(corrected.completionNotes()) : notes,
                signedBy, signedAt);
    }
}
