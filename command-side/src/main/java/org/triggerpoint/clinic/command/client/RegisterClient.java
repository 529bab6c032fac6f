package org.triggerpoint.clinic.command.client;

import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;

public record RegisterClient(ClientId clientId, ClientDetails details, boolean consentToTreatment,
                             boolean consentToDataProcessing, Instant registeredAt) {
}
