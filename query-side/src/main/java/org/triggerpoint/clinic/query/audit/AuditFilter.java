package org.triggerpoint.clinic.query.audit;

import org.triggerpoint.clinic.query.web.InvalidQuery;
import org.triggerpoint.clinic.query.web.StrictValues;

import java.time.Instant;
import java.util.UUID;

/** Which entries an auditor asked for: one client's, one actor's, from (inclusive) to (exclusive); null: any. */
record AuditFilter(UUID clientId, String actor, Instant from, Instant to) {

    static AuditFilter of(String clientId, String actor, String from, String to) {
        AuditFilter filter = new AuditFilter(uuid(clientId), actor == null || actor.isBlank() ? null : actor.strip(),
                instant("from", from), instant("to", to));
        if (filter.from != null && filter.to != null && filter.to.isBefore(filter.from)) {
            throw new InvalidQuery("to", "to must not be before from, was " + to + " with from " + from);
        }
        return filter;
    }

    private static UUID uuid(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        try {
            return StrictValues.uuid(clientId.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidQuery("clientId", "clientId must be a client's id (a UUID), was '" + clientId + "'");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StrictValues.instant(value.strip());
        } catch (IllegalArgumentException notAnInstant) {
            throw new InvalidQuery(field, field + " must be an ISO instant such as 2026-03-02T09:00:00Z, was '"
                    + value + "'");
        }
    }
}
