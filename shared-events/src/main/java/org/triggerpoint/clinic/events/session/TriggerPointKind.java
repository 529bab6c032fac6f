package org.triggerpoint.clinic.events.session;

public enum TriggerPointKind {
    /** Spontaneously painful; reproduces the client's familiar pain. */
    ACTIVE,
    /** Painful only on pressure. */
    LATENT
}
