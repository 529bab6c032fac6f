package org.triggerpoint.clinic.command.client;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;

import java.util.Optional;

/**
 * The client registry as a command-side lookup table, kept by a subscribing processor: it is written in the
 * transaction that stores the client's events, so a session never starts on stale consent.
 */
@Component
@ProcessingGroup("client-registry")
class JdbcClientRegistry implements ClientRegistry {

    private final JdbcClient jdbc;

    JdbcClientRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RegisteredClient> find(ClientId clientId) {
        return jdbc.sql("""
                        select consents_to_treatment, consents_to_data_processing
                        from command.client_registry where client_id = ?""")
                .param(clientId.value())
                .query((rs, row) -> new RegisteredClient(clientId, rs.getBoolean(1), rs.getBoolean(2)))
                .optional();
    }

    @EventHandler
    void on(ClientRegistered event) {
        jdbc.sql("""
                        insert into command.client_registry (client_id, consents_to_treatment, consents_to_data_processing)
                        values (?, false, false) on conflict (client_id) do nothing""")
                .param(event.clientId().value())
                .update();
    }

    @EventHandler
    void on(ConsentGiven event) {
        setConsent(event.clientId(), event.scope(), true);
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        setConsent(event.clientId(), event.scope(), false);
    }

    private void setConsent(ClientId clientId, ConsentScope scope, boolean consents) {
        String column = switch (scope) {
            case TREATMENT -> "consents_to_treatment";
            case DATA_PROCESSING -> "consents_to_data_processing";
        };
        jdbc.sql("update command.client_registry set " + column + " = ? where client_id = ?")
                .param(consents)
                .param(clientId.value())
                .update();
    }
}
