package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionRecordValues;

import java.time.Instant;
import java.util.List;

/** The assessment that opens a session; {@code painScore} is the client's pain before treatment (NPRS 0–10). */
record Assessment(int painScore, String painPattern, String posture, List<String> movementRestrictions,
                  List<BodyRegion> regions, List<RangeOfMotion> rangeOfMotion, Instant recordedAt) {

    static Assessment of(AssessmentRecorded assessed) {
        return new Assessment(assessed.painScore().points(), Plain.text(assessed.painPattern()),
                Plain.text(assessed.posture()), Plain.texts(assessed.movementRestrictions()), assessed.regions(),
                assessed.rangeOfMotion(), assessed.recordedAt());
    }

    /** The assessment as an amendment corrected it; values the amendment leaves out stay as they were. */
    Assessment correctedBy(SessionRecordValues corrected) {
        return new Assessment(
                corrected.painScore() != null ? corrected.painScore().points() : painScore,
                corrected.painPattern() != null ? Plain.text(corrected.painPattern()) : painPattern,
                corrected.posture() != null ? Plain.text(corrected.posture()) : posture,
                corrected.movementRestrictions() != null
                        ? Plain.texts(corrected.movementRestrictions()) : movementRestrictions,
                regions, rangeOfMotion, recordedAt);
    }
}
