package org.triggerpoint.clinic.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the clinic's database holds, read directly as a reviewer would: the events, and every row of every view table
 * of schema {@code query}, so that a view can be compared with a rebuild of it row for row.
 */
final class StoredRows {

    /**
     * Tables of schema {@code query} that are not views of the events: the processors' tokens (where each node got to,
     * which legitimately differs), the rebuilds under way, the live query-side nodes, Flyway's history, and the read
     * log (reads, not events; never rebuilt).
     */
    private static final Set<String> NOT_VIEWS = Set.of("token_entry", "view_rebuild", "processing_node",
            "flyway_schema_history", "read_log");

    private final ClinicNode.Database database;

    StoredRows(ClinicNode.Database database) {
        this.database = database;
    }

    /** Every row of every view table, as JSON text in a stable order, by table name. */
    Map<String, List<String>> viewTables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : strings("""
                select table_name from information_schema.tables
                where table_schema = 'query' and table_type = 'BASE TABLE' order by table_name""")) {
            if (!NOT_VIEWS.contains(table)) {
                tables.put(table, strings("select to_jsonb(t)::text from query." + table + " t order by 1"));
            }
        }
        return tables;
    }

    /** The single number a query answers (a count, a position); 0 for null. */
    long number(String sql) {
        List<String> answer = strings(sql);
        return answer.isEmpty() || answer.get(0) == null ? 0 : Long.parseLong(answer.get(0));
    }

    /** The global position of the last event stored. */
    long headPosition() {
        return number("select max(global_index) from events.domain_event_entry");
    }

    /** The first column of every row a query answers, as text. */
    List<String> strings(String sql) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read '" + sql + "' from " + database.url(), e);
        }
    }
}
