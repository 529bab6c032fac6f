package org.triggerpoint.clinic.endtoend;

import org.triggerpoint.clinic.localpostgres.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC reads of a test database, to check what the processes stored behind their HTTP answers. */
final class Sql {

    private final TestDatabase database;

    Sql(TestDatabase database) {
        this.database = database;
    }

    /** The first column of every row, as text. */
    List<String> column(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A query answering one number, e.g. a count. */
    long number(String sql, Object... parameters) {
        return Long.parseLong(column(sql, parameters).get(0));
    }
}
