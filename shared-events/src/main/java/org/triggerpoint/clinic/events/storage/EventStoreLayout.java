package org.triggerpoint.clinic.events.storage;

import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.triggerpoint.clinic.events.upcasting.AssessmentRecordedWithoutRegionsUpcaster;

/**
 * Where and how events are stored, as both sides must agree: the command side writes these tables (its Flyway
 * migrations create them), the query side reads them. Payload and metadata are JSON text, read and written as
 * strings, so what {@code psql} shows is exactly what the serializer wrote.
 */
public final class EventStoreLayout {

    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("events.domain_event_entry")
            .snapshotTable("events.snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .metaDataColumn("meta_data")
            .build();

    /**
     * The PostgreSQL channel on which a writer announces, once its transaction has committed, that it stored events
     * ({@code NOTIFY clinic_new_events}, no payload): the views listen on it instead of polling the store.
     */
    public static final String NEW_EVENTS_CHANNEL = "clinic_new_events";

    private EventStoreLayout() {
    }

    /**
     * A JDBC storage engine builder for these tables, storing JSON as text and telling a lost race for a stream
     * position from other failures by SQL state; the caller adds serializers, upcasters and its connections.
     */
    public static JdbcEventStorageEngine.Builder storageEngine() {
        return JdbcEventStorageEngine.builder()
                .schema(EVENT_SCHEMA)
                .dataType(String.class)
                .persistenceExceptionResolver(new UniqueViolationResolver());
    }

    /**
     * A builder of a side's own token store, e.g. in table {@code query.token_entry}, its tokens stored as JSON text;
     * the caller adds its connections and serializer, and where several nodes share the tokens, its node id and how
     * long a claim lasts unrenewed.
     */
    public static JdbcTokenStore.Builder tokenStore(String table) {
        return JdbcTokenStore.builder()
                .schema(TokenSchema.builder()
                        .setTokenTable(table)
                        .setProcessorNameColumn("processor_name")
                        .setTokenTypeColumn("token_type")
                        .build())
                .contentType(String.class);
    }

    /** Every upcaster, oldest change first: both sides read old events the same way. */
    public static EventUpcaster upcasters() {
        return new EventUpcasterChain(new AssessmentRecordedWithoutRegionsUpcaster());
    }
}
