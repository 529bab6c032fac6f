package org.triggerpoint.clinic.events;

import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;

import javax.crypto.SecretKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Clients' keys in memory, for tests of the stored form. */
final class InMemoryKeyring implements ClientKeyring {

    private final Map<ClientId, SecretKey> keys = new HashMap<>();
    private final Set<ClientId> destroyed = new HashSet<>();

    @Override
    public SecretKey keyForWriting(ClientId clientId) {
        if (destroyed.contains(clientId)) {
            throw new ClientDataErasedException(clientId);
        }
        return keys.computeIfAbsent(clientId, id -> PersonalDataCipher.newKey());
    }

    @Override
    public Optional<SecretKey> keyForReading(ClientId clientId) {
        return Optional.ofNullable(keys.get(clientId));
    }

    void destroy(ClientId clientId) {
        keys.remove(clientId);
        destroyed.add(clientId);
    }
}
