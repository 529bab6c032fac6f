package org.triggerpoint.clinic.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.triggerpoint.clinic.command.web.CommandMetadata;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Axon's event store on PostgreSQL through plain JDBC: tables owned by Flyway ({@code db/migration}), events and
 * metadata stored as readable JSON text, written by a serializer of their own that the web layer's JSON settings
 * never touch.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    Serializer serializer(ClientKeyring keyring) {
        return EventJson.newSerializer(keyring);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ClientKeyring keyring) {
        return EventJson.newSerializer(keyring);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ClientKeyring keyring) {
        return EventJson.newSerializer(keyring);
    }

    @Bean
    EventUpcaster upcasters() {
        return EventStoreLayout.upcasters();
    }

    @Bean
    EventSchema eventSchema() {
        return EventStoreLayout.EVENT_SCHEMA;
    }

    /**
     * Axon's JDBC parts (event store, token store) use the connection of the Spring transaction they run in, as every
     * one of them does. Not Axon's default, which also keeps that connection with the unit of work and closes it once
     * more at the unit's clean-up, after the transaction has handed it back to the pool: HikariCP then empties the
     * open-statement list of whichever thread has the connection by then, which broke a command under load
     * (PooledConnectionsIT, BENCHMARKS.md session 20).
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, NewEventsAnnouncer announcer) {
        return new CommandSideStorageEngine(EventStoreLayout.storageEngine()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider), transactionManager, announcer);
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return EventStoreLayout.tokenStore("command.token_entry")
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .build();
    }

    /** A client's stream grows with every consent change and intake: load it from a snapshot every 20 events. */
    @Bean
    SnapshotTriggerDefinition clientSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 20);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who acted, in which request, and why: copied from each command onto every event it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(CommandMetadata.KEYS.toArray(String[]::new));
    }
}
