package org.triggerpoint.clinic.events.session;

/** The parts of a signed record an amendment can correct. */
public enum AmendedField {
    PAIN_SCORE,
    PAIN_PATTERN,
    POSTURE,
    MOVEMENT_RESTRICTIONS,
    POST_SESSION_PAIN_SCORE,
    COMPLETION_NOTES
}
