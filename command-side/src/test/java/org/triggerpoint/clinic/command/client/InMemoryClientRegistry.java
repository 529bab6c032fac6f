package org.triggerpoint.clinic.command.client;

import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The client registry as a map, standing in for the command-side lookup table in aggregate tests. */
public class InMemoryClientRegistry implements ClientRegistry {

    private final Map<ClientId, RegisteredClient> clients = new HashMap<>();
    private final Map<ClientId, Instant> lastActivity = new HashMap<>();

    public void register(ClientId clientId, boolean consentsToTreatment, boolean consentsToDataProcessing) {
        clients.put(clientId, new RegisteredClient(clientId, consentsToTreatment, consentsToDataProcessing, false));
    }

    public void registerErased(ClientId clientId) {
        clients.put(clientId, new RegisteredClient(clientId, true, true, true));
    }

    public void lastActive(ClientId clientId, Instant at) {
        lastActivity.put(clientId, at);
    }

    @Override
    public Optional<RegisteredClient> find(ClientId clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public Optional<Instant> lastActivity(ClientId clientId) {
        return Optional.ofNullable(lastActivity.get(clientId));
    }
}
