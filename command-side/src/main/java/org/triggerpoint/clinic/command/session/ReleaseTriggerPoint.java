package org.triggerpoint.clinic.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;

import java.time.Instant;

public record ReleaseTriggerPoint(@TargetAggregateIdentifier SessionId sessionId, TriggerPointId triggerPointId,
                                  PressureTechnique pressure, HoldDuration hold, TissueResponse tissueResponse,
                                  boolean referredSensationReproduced,
                                  PressurePainThreshold pressurePainThresholdAfter, Instant releasedAt) {
}
