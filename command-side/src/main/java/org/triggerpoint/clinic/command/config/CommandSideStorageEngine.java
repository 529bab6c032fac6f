package org.triggerpoint.clinic.command.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.triggerpoint.clinic.command.common.AppendedPositions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

/**
 * Stores events as Axon's JDBC engine does, with two additions: the insert answers each event's global position,
 * which the command's unit of work keeps ({@link AppendedPositions}: its consistency token, without another query),
 * and the views are told of the events once the transaction that stored them commits ({@link NewEventsAnnouncer}).
 */
final class CommandSideStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final NewEventsAnnouncer announcer;

    CommandSideStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                             NewEventsAnnouncer announcer) {
        super(builder.transactionManager(transactionManager)
                .appendEvents(CommandSideStorageEngine::insertAnsweringPositions));
        this.transactionManager = transactionManager;
        this.announcer = announcer;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            try (PreparedStatement insert = appendEvents(connection, events, serializer)) {
                insert.executeBatch();
                recordPositions(insert, events);
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                closeQuietly(connection);
            }
        });
        announcer.eventsStored();
    }

    private static void recordPositions(PreparedStatement insert, List<? extends EventMessage<?>> events)
            throws SQLException {
        try (ResultSet positions = insert.getGeneratedKeys()) {
            for (EventMessage<?> event : events) {
                if (!positions.next()) {
                    throw new SQLException("The event store answered fewer positions than events were stored");
                }
                AppendedPositions.record(asDomainEvent(event).getAggregateIdentifier(), positions.getLong(1));
            }
        }
    }

    /** Axon's insert of each event, one batch for all, answering the global position each event was given. */
    private static PreparedStatement insertAnsweringPositions(Connection connection, EventSchema schema,
                                                              Class<?> dataType,
                                                              List<? extends EventMessage<?>> events,
                                                              Serializer serializer, TimestampWriter timestamps)
            throws SQLException {
        PreparedStatement insert = connection.prepareStatement(
                "insert into " + schema.domainEventTable() + " (" + schema.domainEventFields() + ")"
                        + " values (?,?,?,?,?,?,?,?,?)",
                new String[]{schema.globalIndexColumn()});
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            timestamps.writeTimestamp(insert, 5, event.getTimestamp());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, payload.getData());
            insert.setObject(9, metaData.getData());
            insert.addBatch();
        }
        return insert;
    }

    /** An event as Axon's engine stores it: an aggregate's as it is, any other as a stream of its own. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
