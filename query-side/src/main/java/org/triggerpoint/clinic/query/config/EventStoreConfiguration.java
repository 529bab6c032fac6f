package org.triggerpoint.clinic.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.triggerpoint.clinic.events.client.ClientRecordEvent;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The query side reads the command side's event store (schema {@code events}) with the same serializer and
 * upcasters, and keeps its own tracking tokens in schema {@code query}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return EventJson.newSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventJson.newSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventJson.newSerializer();
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
     * This process only reads the store, so it keeps the engine's default duplicate-key resolver: Axon's own
     * {@code PersistenceExceptionResolver} bean backs off as soon as an {@code EventStore} bean exists.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return EventStoreLayout.storageEngine()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .build();
    }

    /**
     * The event store as the view processors read it. Events are written by the other process, so nothing here
     * announces them: the store is polled every {@code clinic.views.poll-millis} when there is nothing new, which
     * bounds how stale an idle view can be.
     */
    @Bean
    EventStore eventStore(EventStorageEngine storageEngine, @Value("${clinic.views.poll-millis:20}") long pollMillis) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(pollMillis)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /** Everything of a client's record goes through one segment in store order; other events by aggregate. */
    @Bean
    SequencingPolicy<EventMessage<?>> clientRecordSequencing() {
        return event -> event.getPayload() instanceof ClientRecordEvent record
                ? record.clientId().toString()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(EventStoreLayout.tokenSchema("query.token_entry"))
                .contentType(String.class)
                .build();
    }
}
