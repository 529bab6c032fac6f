package org.triggerpoint.clinic.command.client;

import org.triggerpoint.clinic.events.client.ClientId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The client registry as a map, standing in for the command-side lookup table in aggregate tests. */
public class InMemoryClientRegistry implements ClientRegistry {

    private final Map<ClientId, RegisteredClient> clients = new HashMap<>();

    public void register(ClientId clientId, boolean consentsToTreatment, boolean consentsToDataProcessing) {
        clients.put(clientId, new RegisteredClient(clientId, consentsToTreatment, consentsToDataProcessing));
    }

    @Override
    public Optional<RegisteredClient> find(ClientId clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }
}
