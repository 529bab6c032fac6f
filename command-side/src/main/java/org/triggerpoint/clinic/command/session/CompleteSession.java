package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.SessionId;

import java.time.Instant;

/** Records the pain after treatment and signs the record, closing it to edits. */
public record CompleteSession(@TargetAggregateIdentifier SessionId sessionId, PainScore postSessionPainScore,
                              FreeText notes, Instant completedAt) {
}
