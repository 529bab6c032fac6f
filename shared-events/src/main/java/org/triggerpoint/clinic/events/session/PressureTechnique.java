package org.triggerpoint.clinic.events.session;

public enum PressureTechnique {
    /** Sustained (ischaemic) compression at one pressure. */
    STATIC,
    /** Pressure raised step by step as the tissue gives. */
    INCREMENTAL
}
