package org.triggerpoint.clinic.command.client;

import org.triggerpoint.clinic.events.client.ClientId;

import java.util.Optional;

/** What a session needs to know about its client before it starts. */
public interface ClientRegistry {

    Optional<RegisteredClient> find(ClientId clientId);

    record RegisteredClient(ClientId clientId, boolean consentsToTreatment, boolean consentsToDataProcessing) {
    }
}
