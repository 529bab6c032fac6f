package org.triggerpoint.clinic.events.session;

/** Techniques applied after release to reinforce the change. */
public enum FollowUpTechnique {
    MYOFASCIAL_STRETCHING,
    NEUROMUSCULAR_REEDUCATION,
    GENTLE_MOVEMENT
}
