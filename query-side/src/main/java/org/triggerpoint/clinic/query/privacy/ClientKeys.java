package org.triggerpoint.clinic.query.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Optional;

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
        Optional<SecretKey> key = jdbc.sql("select data_key from privacy.client_key where client_id = ?")
                .param(clientId.value())
                .query((rs, row) -> Optional.ofNullable(rs.getBytes(1)).map(PersonalDataCipher::key))
                .optional()
                .flatMap(found -> found);
        key.ifPresent(found -> keys.put(clientId, found));
        return key;
    }

    /** Forgets a key at once, e.g. when the view processes the client's erasure. */
    public void forget(ClientId clientId) {
        keys.invalidate(clientId);
    }
}
