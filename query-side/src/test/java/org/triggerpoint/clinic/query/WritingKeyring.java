package org.triggerpoint.clinic.query;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * In query-side tests, events are appended by the test itself (see {@link EventLog}) instead of by the command side,
 * so the keyring must also make keys, in the same table the command side uses.
 */
@TestConfiguration(proxyBeanMethods = false)
class WritingKeyring {

    @Bean
    @Primary
    ClientKeyring writingKeyring(JdbcClient jdbc) {
        return new ClientKeyring() {
            @Override
            public SecretKey keyForWriting(ClientId clientId) {
                jdbc.sql("insert into privacy.client_key (client_id, data_key) values (?, ?) on conflict do nothing")
                        .param(clientId.value())
                        .param(PersonalDataCipher.newKey().getEncoded())
                        .update();
                return keyForReading(clientId).orElseThrow(() -> new ClientDataErasedException(clientId));
            }

            @Override
            public Optional<SecretKey> keyForReading(ClientId clientId) {
                return jdbc.sql("select data_key from privacy.client_key where client_id = ?")
                        .param(clientId.value())
                        .query((rs, row) -> Optional.ofNullable(rs.getBytes(1)).map(PersonalDataCipher::key))
                        .optional()
                        .flatMap(key -> key);
            }
        };
    }
}
