package org.triggerpoint.clinic.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

/** Erases the client's personal data; {@code legalBasis} (may be null) allows it inside the retention period. */
public record EraseClientData(@TargetAggregateIdentifier ClientId clientId, String reason, String legalBasis,
                              Instant requestedAt) {
}
