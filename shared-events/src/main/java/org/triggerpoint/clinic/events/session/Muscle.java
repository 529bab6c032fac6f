package org.triggerpoint.clinic.events.session;

/** The muscles a trigger point is recorded in (after Travell &amp; Simons), each with its body region. */
public enum Muscle {
    // head and jaw
    TEMPORALIS(BodyRegion.HEAD_AND_JAW),
    MASSETER(BodyRegion.HEAD_AND_JAW),
    LATERAL_PTERYGOID(BodyRegion.HEAD_AND_JAW),
    MEDIAL_PTERYGOID(BodyRegion.HEAD_AND_JAW),
    // neck
    STERNOCLEIDOMASTOID(BodyRegion.NECK),
    SCALENES(BodyRegion.NECK),
    SUBOCCIPITALS(BodyRegion.NECK),
    SPLENIUS_CAPITIS(BodyRegion.NECK),
    SPLENIUS_CERVICIS(BodyRegion.NECK),
    UPPER_TRAPEZIUS(BodyRegion.NECK),
    LEVATOR_SCAPULAE(BodyRegion.NECK),
    // shoulder and upper back
    MIDDLE_TRAPEZIUS(BodyRegion.SHOULDER_AND_UPPER_BACK),
    LOWER_TRAPEZIUS(BodyRegion.SHOULDER_AND_UPPER_BACK),
    RHOMBOIDS(BodyRegion.SHOULDER_AND_UPPER_BACK),
    SUPRASPINATUS(BodyRegion.SHOULDER_AND_UPPER_BACK),
    INFRASPINATUS(BodyRegion.SHOULDER_AND_UPPER_BACK),
    TERES_MINOR(BodyRegion.SHOULDER_AND_UPPER_BACK),
    TERES_MAJOR(BodyRegion.SHOULDER_AND_UPPER_BACK),
    SUBSCAPULARIS(BodyRegion.SHOULDER_AND_UPPER_BACK),
    LATISSIMUS_DORSI(BodyRegion.SHOULDER_AND_UPPER_BACK),
    PECTORALIS_MAJOR(BodyRegion.SHOULDER_AND_UPPER_BACK),
    PECTORALIS_MINOR(BodyRegion.SHOULDER_AND_UPPER_BACK),
    SERRATUS_ANTERIOR(BodyRegion.SHOULDER_AND_UPPER_BACK),
    DELTOID(BodyRegion.SHOULDER_AND_UPPER_BACK),
    // arm and forearm
    BICEPS_BRACHII(BodyRegion.ARM_AND_FOREARM),
    TRICEPS_BRACHII(BodyRegion.ARM_AND_FOREARM),
    BRACHIORADIALIS(BodyRegion.ARM_AND_FOREARM),
    WRIST_EXTENSORS(BodyRegion.ARM_AND_FOREARM),
    WRIST_FLEXORS(BodyRegion.ARM_AND_FOREARM),
    // trunk and low back
    THORACOLUMBAR_PARASPINALS(BodyRegion.TRUNK_AND_LOW_BACK),
    MULTIFIDUS(BodyRegion.TRUNK_AND_LOW_BACK),
    QUADRATUS_LUMBORUM(BodyRegion.TRUNK_AND_LOW_BACK),
    ILIOPSOAS(BodyRegion.TRUNK_AND_LOW_BACK),
    RECTUS_ABDOMINIS(BodyRegion.TRUNK_AND_LOW_BACK),
    // hip and gluteal
    GLUTEUS_MAXIMUS(BodyRegion.HIP_AND_GLUTEAL),
    GLUTEUS_MEDIUS(BodyRegion.HIP_AND_GLUTEAL),
    GLUTEUS_MINIMUS(BodyRegion.HIP_AND_GLUTEAL),
    PIRIFORMIS(BodyRegion.HIP_AND_GLUTEAL),
    TENSOR_FASCIAE_LATAE(BodyRegion.HIP_AND_GLUTEAL),
    // thigh and leg
    QUADRICEPS(BodyRegion.THIGH_AND_LEG),
    HAMSTRINGS(BodyRegion.THIGH_AND_LEG),
    ADDUCTORS(BodyRegion.THIGH_AND_LEG),
    GASTROCNEMIUS(BodyRegion.THIGH_AND_LEG),
    SOLEUS(BodyRegion.THIGH_AND_LEG),
    TIBIALIS_ANTERIOR(BodyRegion.THIGH_AND_LEG),
    PERONEALS(BodyRegion.THIGH_AND_LEG);

    private final BodyRegion region;

    Muscle(BodyRegion region) {
        this.region = region;
    }

    public BodyRegion region() {
        return region;
    }
}
