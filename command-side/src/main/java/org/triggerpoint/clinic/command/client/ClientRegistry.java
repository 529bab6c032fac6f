package org.triggerpoint.clinic.command.client;

import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;
import java.util.Optional;

/** What a session needs to know about its client before it starts. */
public interface ClientRegistry {

    Optional<RegisteredClient> find(ClientId clientId);

    /** When the client's record last grew: their last session started, or their registration. */
    Optional<Instant> lastActivity(ClientId clientId);

    record RegisteredClient(ClientId clientId, boolean consentsToTreatment, boolean consentsToDataProcessing,
                            boolean erased) {
    }
}
