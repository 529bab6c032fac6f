package org.triggerpoint.clinic.events.storage;

import org.triggerpoint.clinic.events.client.ClientId;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * Where the data keys of clients are kept, apart from the events they protect (a table of their own, or a clinic's
 * external key manager). Destroying a client's key erases their personal data wherever the events are copied.
 */
public interface ClientKeyring {

    /** The client's key for writing new personal data: made on first use, refused once destroyed. */
    SecretKey keyForWriting(ClientId clientId) throws ClientDataErasedException;

    /** The client's key for reading, or empty when it was destroyed (or never made). */
    Optional<SecretKey> keyForReading(ClientId clientId);

    /** Thrown when personal data would be written for a client whose key was destroyed. */
    class ClientDataErasedException extends RuntimeException {

        private final ClientId clientId;

        public ClientDataErasedException(ClientId clientId) {
            super("The personal data of client " + clientId + " was erased; nothing personal is recorded for them");
            this.clientId = clientId;
        }

        public ClientId clientId() {
            return clientId;
        }
    }
}
