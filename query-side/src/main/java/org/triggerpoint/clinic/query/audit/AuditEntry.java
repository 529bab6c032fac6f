package org.triggerpoint.clinic.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the audit trail. A CHANGE is a stored event: {@code what} is its type, {@code stream} the record it
 * changed (aggregate id), outcome RECORDED. A READ is a read of client records: {@code what} names the read,
 * {@code endpoint} the request, outcome SERVED, DENIED or NOT_FOUND.
 */
record AuditEntry(String kind, Instant at, String actor, List<String> roles, String what, UUID clientId,
                  String stream, String endpoint, String correlationId, String requestId, String reason,
                  String outcome) {
}
