package org.triggerpoint.clinic.events.session;

public enum LocalTwitchResponse {
    NONE,
    VISIBLE,
    PALPABLE
}
