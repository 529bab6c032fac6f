package org.triggerpoint.clinic.events.session;

import org.triggerpoint.clinic.events.FreeText;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Values of a session's record that an amendment may correct; in an amendment, null where not corrected. */
public record SessionRecordValues(PainScore painScore, FreeText painPattern, FreeText posture,
                                  List<FreeText> movementRestrictions, PainScore postSessionPainScore,
                                  FreeText completionNotes) {

    public SessionRecordValues {
        movementRestrictions = movementRestrictions == null ? null : List.copyOf(movementRestrictions);
    }

    /** The fields these values give, i.e. those an amendment carrying them corrects. */
    public Set<AmendedField> presentFields() {
        Set<AmendedField> present = EnumSet.noneOf(AmendedField.class);
        if (painScore != null) {
            present.add(AmendedField.PAIN_SCORE);
        }
        if (painPattern != null) {
            present.add(AmendedField.PAIN_PATTERN);
        }
        if (posture != null) {
            present.add(AmendedField.POSTURE);
        }
        if (movementRestrictions != null) {
            present.add(AmendedField.MOVEMENT_RESTRICTIONS);
        }
        if (postSessionPainScore != null) {
            present.add(AmendedField.POST_SESSION_PAIN_SCORE);
        }
        if (completionNotes != null) {
            present.add(AmendedField.COMPLETION_NOTES);
        }
        return present;
    }

    /** These values restricted to {@code fields}: null for every other field. */
    public SessionRecordValues only(Set<AmendedField> fields) {
        return new SessionRecordValues(
                fields.contains(AmendedField.PAIN_SCORE) ? painScore : null,
                fields.contains(AmendedField.PAIN_PATTERN) ? painPattern : null,
                fields.contains(AmendedField.POSTURE) ? posture : null,
                fields.contains(AmendedField.MOVEMENT_RESTRICTIONS) ? movementRestrictions : null,
                fields.contains(AmendedField.POST_SESSION_PAIN_SCORE) ? postSessionPainScore : null,
                fields.contains(AmendedField.COMPLETION_NOTES) ? completionNotes : null);
    }

    /** These values with {@code correction}'s non-null fields taking their place. */
    public SessionRecordValues correctedBy(SessionRecordValues correction) {
        return new SessionRecordValues(
                correction.painScore != null ? correction.painScore : painScore,
                correction.painPattern != null ? correction.painPattern : painPattern,
                correction.posture != null ? correction.posture : posture,
                correction.movementRestrictions != null ? correction.movementRestrictions : movementRestrictions,
                correction.postSessionPainScore != null ? correction.postSessionPainScore : postSessionPainScore,
                correction.completionNotes != null ? correction.completionNotes : completionNotes);
    }
}
