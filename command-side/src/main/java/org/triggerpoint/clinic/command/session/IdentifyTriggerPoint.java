package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointKind;

import java.time.Instant;

public record IdentifyTriggerPoint(@TargetAggregateIdentifier SessionId sessionId, TriggerPointId triggerPointId,
                                   Muscle muscle, Side side, TriggerPointKind kind, FreeText referralPattern,
                                   LocalTwitchResponse localTwitchResponse,
                                   PressurePainThreshold pressurePainThreshold, Instant identifiedAt) {
}
