package org.triggerpoint.clinic.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

/** The client's consent as it stands now: each scope is given or withdrawn to match. */
public record ChangeConsent(@TargetAggregateIdentifier ClientId clientId, boolean consentToTreatment,
                            boolean consentToDataProcessing, Instant changedAt) {
}
