package org.triggerpoint.clinic.events.user;

public enum Role {
    /** Registers therapists and users, grants and revokes roles, runs projection rebuilds. */
    ADMIN,
    /** Registers clients, records sessions, reads client histories. */
    THERAPIST,
    /** Reads de-identified outcome analytics only. */
    ANALYST,
    /** Reads audit trails and client histories, verifies the event log. */
    AUDITOR
}
