package org.triggerpoint.clinic.events.client;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ClientRegistered(ClientId clientId, ClientDetails details, Instant registeredAt)
        implements ClientRecordEvent {
}
