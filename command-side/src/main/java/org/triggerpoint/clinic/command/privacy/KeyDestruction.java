package org.triggerpoint.clinic.command.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientDataErased;

/** Destroys the client's key in the transaction that stores their erasure: both happen, or neither. */
@Component
@ProcessingGroup("client-keys")
class KeyDestruction {

    private final JdbcClientKeyring keyring;

    KeyDestruction(JdbcClientKeyring keyring) {
        this.keyring = keyring;
    }

    @EventHandler
    void on(ClientDataErased event) {
        keyring.destroy(event.clientId());
    }
}
