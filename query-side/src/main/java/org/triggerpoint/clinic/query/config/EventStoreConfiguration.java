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
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRecordEvent;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.query.projections.EventPages;
import org.triggerpoint.clinic.query.projections.NewEvents;
import org.triggerpoint.clinic.query.projections.ProcessingNodes;
import org.triggerpoint.clinic.query.projections.TailingEventSource;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The query side reads the command side's event store (schema {@code events}) with the same serializer and
 * upcasters, and keeps its own tracking tokens in schema {@code query}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    private static final int PAGE_SIZE = 500;

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
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return readingWith(eventSerializer, configuration, connectionProvider, transactionManager);
    }

    /**
     * The store's rows for the view processors, each page read once for all of them. A page is 500 events (Axon reads
     * 100): a fifth of the queries while a view is rebuilt. Live, the processors read the same page within
     * milliseconds of each other, so a few pages kept are enough. In a rebuild they drift further apart than 16 pages
     * (JFR: the store was read as often with 16 kept as without sharing), and keeping more only holds more memory.
     */
    @Bean
    EventPages eventPages(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                          NewEvents newEvents) {
        // The rows are handed on undecoded (each source decodes them with its own serializer): this one only
        // completes the engine, and holds no keys.
        Serializer undecoding = EventJson.newSerializer(new NoKeys());
        return new EventPages(EventStoreLayout.storageEngine()
                .snapshotSerializer(undecoding)
                .eventSerializer(undecoding)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(PAGE_SIZE), newEvents, 4);
    }

    /** The whole record for a view processor, personal values decrypted: for the client-history view. */
    @Bean
    TailingEventSource tailingEventSource(EventStorageEngine storageEngine, EventPages pages,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, NewEvents newEvents) {
        return new TailingEventSource(storageEngine, pages, eventSerializer, configuration.upcasterChain(),
                newEvents);
    }

    /**
     * The coded values of the record only, for the views that must never hold personal data (outcome analytics, the
     * audit trail): it reads with a keyring that holds no key, so every personal value reads as erased, and is never
     * decrypted in the first place. Decrypting was a seventh of the CPU of a rebuild (JFR).
     */
    @Bean
    TailingEventSource codedEventSource(EventStorageEngine storageEngine, EventPages pages,
                                        Configuration configuration, NewEvents newEvents) {
        return new TailingEventSource(storageEngine, pages, EventJson.newSerializer(new NoKeys()),
                configuration.upcasterChain(), newEvents);
    }

    /** The store as this side reads streams (a record as it stood), {@code serializer} turning events into messages. */
    private static EventStorageEngine readingWith(Serializer serializer, Configuration configuration,
                                                  ConnectionProvider connectionProvider,
                                                  TransactionManager transactionManager) {
        return EventStoreLayout.storageEngine()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(PAGE_SIZE)
                .build();
    }

    /** A keyring without keys: nothing personal is decrypted through it, and nothing written. */
    private static final class NoKeys implements ClientKeyring {

        @Override
        public SecretKey keyForWriting(ClientId clientId) {
            throw new UnsupportedOperationException("The query side never writes personal data into events");
        }

        @Override
        public Optional<SecretKey> keyForReading(ClientId clientId) {
            return Optional.empty();
        }
    }

    /**
     * The event store for reading streams (a record as it stood) and, in tests, for appending. The view processors
     * do not tail it: they read through {@code TailingEventSource}, woken by the command side's announcements
     * of new events ({@code NewEvents}).
     */
    @Bean
    EventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).build();
    }

    /** Everything of a client's record goes through one segment in store order; other events by aggregate. */
    @Bean
    SequencingPolicy<EventMessage<?>> clientRecordSequencing() {
        return event -> event.getPayload() instanceof ClientRecordEvent record
                ? record.clientId().toString()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    /**
     * None: the views send no messages of their own, so there is nothing to carry an event's correlation on to. Axon's
     * default provider read every event's metadata as the handlers ran (each handler's result message asks for it),
     * which parsed the metadata of events whose view never looks at it (8.6 % of the handling threads' samples in a
     * rebuild, JFR).
     */
    @Bean
    CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }

    /** Shared by every query-side node: a claim names its node and lapses unless renewed (see ProcessingNodes). */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ProcessingNodes nodes) {
        return EventStoreLayout.tokenStore("query.token_entry")
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .nodeId(nodes.nodeId())
                .claimTimeout(nodes.claimTimeout())
                .build();
    }
}
