package org.triggerpoint.clinic.events.client;

/** The reasons clients come for trigger point therapy. */
public enum PresentingCondition {
    RESIDUAL_INJURY_PAIN,
    POSTURAL_OR_REPETITIVE_STRAIN,
    MYOFASCIAL_PAIN_SYNDROME,
    TENSION_HEADACHE_OR_MIGRAINE,
    NECK_SHOULDER_OR_JAW_TENSION,
    ROTATOR_CUFF_DYSFUNCTION,
    LOW_BACK_AND_GLUTEAL_PAIN,
    SCIATIC_LIKE_SYMPTOMS,
    RESTRICTED_MOBILITY
}
