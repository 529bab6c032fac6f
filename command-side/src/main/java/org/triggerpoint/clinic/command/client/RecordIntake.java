package org.triggerpoint.clinic.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.PresentingCondition;

import java.time.Instant;
import java.util.Set;

public record RecordIntake(@TargetAggregateIdentifier ClientId clientId, Set<PresentingCondition> conditions,
                           FreeText history, FreeText goals, Instant recordedAt) {
}
