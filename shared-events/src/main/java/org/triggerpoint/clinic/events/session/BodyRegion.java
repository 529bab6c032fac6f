package org.triggerpoint.clinic.events.session;

public enum BodyRegion {
    HEAD_AND_JAW,
    NECK,
    SHOULDER_AND_UPPER_BACK,
    ARM_AND_FOREARM,
    TRUNK_AND_LOW_BACK,
    HIP_AND_GLUTEAL,
    THIGH_AND_LEG
}
