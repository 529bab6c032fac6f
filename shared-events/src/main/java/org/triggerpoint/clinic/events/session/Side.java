package org.triggerpoint.clinic.events.session;

public enum Side {
    LEFT,
    RIGHT,
    BILATERAL
}
