package org.triggerpoint.clinic.events.session;

public enum TissueResponse {
    RELEASED,
    PARTIAL,
    NO_CHANGE
}
