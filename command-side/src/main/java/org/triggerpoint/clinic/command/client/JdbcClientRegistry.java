package org.triggerpoint.clinic.command.client;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.session.SessionStarted;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
                        select consents_to_treatment, consents_to_data_processing, erased
                        from command.client_registry where client_id = ?""")
                .param(clientId.value())
                .query((rs, row) -> new RegisteredClient(clientId, rs.getBoolean(1), rs.getBoolean(2),
                        rs.getBoolean(3)))
                .optional();
    }

    @Override
    public Optional<Instant> lastActivity(ClientId clientId) {
        return jdbc.sql("select last_activity_at from command.client_registry where client_id = ?")
                .param(clientId.value())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /** Clients not yet erased whose last activity was before {@code cutoff}. */
    List<ClientId> notErasedWithLastActivityBefore(Instant cutoff) {
        return jdbc.sql("""
                        select client_id from command.client_registry
                        where not erased and last_activity_at < ? order by last_activity_at""")
                .param(cutoff.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new ClientId(rs.getObject(1, UUID.class)))
                .list();
    }

    @EventHandler
    void on(ClientRegistered event) {
        jdbc.sql("""
                        insert into command.client_registry
                            (client_id, consents_to_treatment, consents_to_data_processing, last_activity_at)
                        values (?, false, false, ?) on conflict (client_id) do nothing""")
                .param(event.clientId().value())
                .param(event.registeredAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(SessionStarted event) {
        jdbc.sql("""
                        update command.client_registry set last_activity_at = greatest(last_activity_at, ?)
                        where client_id = ?""")
                .param(event.startedAt().atOffset(ZoneOffset.UTC))
                .param(event.clientId().value())
                .update();
    }

    @EventHandler
    void on(ClientDataErased event) {
        jdbc.sql("update command.client_registry set erased = true where client_id = ?")
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
