package org.triggerpoint.clinic.events.client;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A new client of the clinic. {@code details} reads as null once the client's personal data is erased. */
@Revision("1")
public record ClientRegistered(ClientId clientId, ClientDetails details, Instant registeredAt)
        implements ClientRecordEvent {
}
