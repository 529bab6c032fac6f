package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.SorenessReported;

import java.time.Instant;

/**
 * Soreness the client reported after a signed session (severity 0–10). Such soreness usually resolves within
 * 24–48 hours, so a report after 72 hours, or one still unresolved at 48 hours or later, needs the therapist's
 * attention.
 */
record SorenessReport(int hoursAfterSession, int severity, boolean resolved, String notes, Instant reportedAt,
                      String recordedBy, boolean needsAttention) {

    private static final int LATE_AFTER_HOURS = 72;
    private static final int RESOLVES_WITHIN_HOURS = 48;

    static SorenessReport of(SorenessReported reported, String recordedBy) {
        int hours = reported.hoursAfterSession().hours();
        boolean needsAttention = hours > LATE_AFTER_HOURS || (!reported.resolved() && hours >= RESOLVES_WITHIN_HOURS);
        return new SorenessReport(hours, reported.severity().points(), reported.resolved(),
                Plain.text(reported.notes()), reported.reportedAt(), recordedBy, needsAttention);
    }
}
