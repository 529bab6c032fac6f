package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The event store as a reviewer with psql sees it. */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long globalIndex, long sequenceNumber, String payloadType, String payload, String metaData) {

        String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }

        JsonNode payloadJson() {
            return parse(payload);
        }

        JsonNode metaDataJson() {
            return parse(metaData);
        }
    }

    long count() {
        return jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();
    }

    List<Row> ofStream(String aggregateId) {
        return jdbc.sql("""
                        select global_index, sequence_number, payload_type, payload, meta_data
                        from events.domain_event_entry where aggregate_identifier = ? order by sequence_number""")
                .param(aggregateId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    List<String> typesOf(String aggregateId) {
        return ofStream(aggregateId).stream().map(Row::simpleType).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
