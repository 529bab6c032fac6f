package org.triggerpoint.clinic.command.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code X-Consistency-Token} of a successful command: the global position in the event store of the last event
 * of the aggregate it acted on. The query side answers a request bearing it once its views include that position.
 * The form ({@code v1.<position>}) is opaque to clients.
 */
@Component
public class ConsistencyTokens {

    public static final String HEADER = "X-Consistency-Token";
    private static final String VERSION = "v1.";

    private final JdbcClient jdbc;

    ConsistencyTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The token after a command on {@code aggregateId} committed. */
    public String after(Object aggregateId) {
        Long position = jdbc.sql("""
                        select max(global_index) from events.domain_event_entry where aggregate_identifier = ?""")
                .param(aggregateId.toString())
                .query(Long.class)
                .optional()
                .orElse(null);
        return VERSION + (position == null ? 0 : position);
    }
}
