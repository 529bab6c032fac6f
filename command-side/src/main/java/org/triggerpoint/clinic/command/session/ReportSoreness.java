package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SorenessSeverity;

import java.time.Instant;

public record ReportSoreness(@TargetAggregateIdentifier SessionId sessionId, HoursAfterSession hoursAfterSession,
                             SorenessSeverity severity, boolean resolved, FreeText notes, Instant reportedAt) {
}
