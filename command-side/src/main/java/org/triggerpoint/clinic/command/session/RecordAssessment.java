package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionId;

import java.time.Instant;
import java.util.List;

public record RecordAssessment(@TargetAggregateIdentifier SessionId sessionId, PainScore painScore,
                               FreeText painPattern, FreeText posture, List<FreeText> movementRestrictions,
                               List<BodyRegion> regions, List<RangeOfMotion> rangeOfMotion, Instant recordedAt) {
}
