package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;

import java.time.Instant;

/** Corrects a signed record: {@code corrected} holds the corrected values, null for what stays as it is. */
public record AmendSession(@TargetAggregateIdentifier SessionId sessionId, AmendmentId amendmentId,
                           SessionRecordValues corrected, FreeText reason, Instant amendedAt) {
}
