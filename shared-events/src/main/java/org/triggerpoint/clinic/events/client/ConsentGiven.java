package org.triggerpoint.clinic.events.client;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ConsentGiven(ClientId clientId, ConsentScope scope, Instant givenAt) implements ClientRecordEvent {
}
