package org.triggerpoint.clinic.query.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The query side only reads clients' keys (from {@code privacy.client_key}, kept by the command side) to show their
 * records; it never writes personal data into an event. A destroyed key is noticed within the cache's expiry, and the
 * views scrub their copies when they process the erasure event.
 */
@Component
public class ClientKeys implements ClientKeyring {

    private final JdbcClient jdbc;
    private final Cache<ClientId, SecretKey> keys = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    ClientKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SecretKey keyForWriting(ClientId clientId) {
        throw new UnsupportedOperationException("The query side writes no personal data into events");
    }

    @Override
    public Optional<SecretKey> keyForReading(ClientId clientId) {
        SecretKey cached = keys.getIfPresent(clientId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(read(List.of(clientId.value())).get(clientId));
    }

    /**
     * Reads the keys of the clients registered by {@code events} in one query, before the events are decoded:
     * otherwise each client's first event read its key with a query of its own (one per client in a rebuild, 11 % of
     * the history view's rebuild thread, async-profiler). A registration is in the client's own stream, named by the
     * client's id, and its type is known before it is decoded. The events of a client registered earlier find the key
     * cached, or read it as before; so would these, should a stream ever be named otherwise.
     */
    public void readAhead(List<? extends EventMessage<?>> events) {
        Set<UUID> registered = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> inStream && event.getPayloadType() == ClientRegistered.class) {
                asUuid(inStream.getAggregateIdentifier()).ifPresent(registered::add);
            }
        }
        registered.removeIf(clientId -> keys.getIfPresent(new ClientId(clientId)) != null);
        if (registered.size() < 2) {
            return; // one is read when it is needed, by the same one query
        }
        read(registered);
    }

    /** The keys of those of {@code clientIds} that have one (none once destroyed), read in one query and cached. */
    private Map<ClientId, SecretKey> read(Collection<UUID> clientIds) {
        Map<ClientId, SecretKey> found = new HashMap<>();
        jdbc.sql("select client_id, data_key from privacy.client_key where client_id = any(?) and data_key is not null")
                .param(clientIds.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(new ClientId(rs.getObject(1, UUID.class)), PersonalDataCipher.key(rs.getBytes(2)));
                });
        keys.putAll(found);
        return found;
    }

    private static Optional<UUID> asUuid(String streamId) {
        try {
            return Optional.of(UUID.fromString(streamId));
        } catch (IllegalArgumentException notAClientsStream) {
            return Optional.empty();
        }
    }

    /** Forgets a key at once, e.g. when the view processes the client's erasure. */
    public void forget(ClientId clientId) {
        keys.invalidate(clientId);
    }
}
