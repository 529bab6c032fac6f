package org.triggerpoint.clinic.command.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.AfterCommit;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Optional;

/**
 * The clients' keys in {@code privacy.client_key}, read and written in the transaction of the command that needs
 * them, so a key is made together with the client's first event and destroyed together with the erasure event.
 * Keys are cached only once committed; another node learns of a destroyed key within the cache's expiry.
 */
@Component
class JdbcClientKeyring implements ClientKeyring {

    private final JdbcClient jdbc;
    private final Cache<ClientId, SecretKey> committed = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    JdbcClientKeyring(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SecretKey keyForWriting(ClientId clientId) {
        SecretKey cached = committed.getIfPresent(clientId);
        if (cached != null) {
            return cached;
        }
        Optional<StoredKey> stored = load(clientId);
        if (stored.isEmpty()) {
            jdbc.sql("insert into privacy.client_key (client_id, data_key) values (?, ?) on conflict do nothing")
                    .param(clientId.value())
                    .param(PersonalDataCipher.newKey().getEncoded())
                    .update();
            stored = load(clientId);
        }
        SecretKey key = stored.flatMap(StoredKey::key).orElseThrow(() -> new ClientDataErasedException(clientId));
        cacheOnceCommitted(clientId, key);
        return key;
    }

    @Override
    public Optional<SecretKey> keyForReading(ClientId clientId) {
        SecretKey cached = committed.getIfPresent(clientId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SecretKey> key = load(clientId).flatMap(StoredKey::key);
        key.ifPresent(found -> cacheOnceCommitted(clientId, found));
        return key;
    }

    /** Destroys the client's key; what was encrypted under it can no longer be read by anyone. */
    void destroy(ClientId clientId) {
        jdbc.sql("""
                        insert into privacy.client_key (client_id, data_key, destroyed_at) values (?, null, now())
                        on conflict (client_id) do update set data_key = null, destroyed_at = now()""")
                .param(clientId.value())
                .update();
        committed.invalidate(clientId);
        AfterCommit.run(() -> committed.invalidate(clientId));
    }

    private Optional<StoredKey> load(ClientId clientId) {
        return jdbc.sql("select data_key from privacy.client_key where client_id = ?")
                .param(clientId.value())
                .query((rs, row) -> new StoredKey(Optional.ofNullable(rs.getBytes(1)).map(PersonalDataCipher::key)))
                .optional();
    }

    private void cacheOnceCommitted(ClientId clientId, SecretKey key) {
        AfterCommit.run(() -> committed.put(clientId, key));
    }

    private record StoredKey(Optional<SecretKey> key) {
    }
}
