package org.triggerpoint.clinic.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A connection the database broke is an outage (503), however it surfaces; a broken rule or a bug is not. On real
 * PostgreSQL: the server ends the connection a request holds in its transaction, as a stopping server does.
 */
class DatabaseOutageRecognitionIT {

    @Test
    void aConnectionThePoolDroppedInTheMiddleOfATransactionIsAnOutage() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource pool = pool(database);
             Connection held = pool.getConnection()) {
            held.setAutoCommit(false);
            endBackend(database, backendOf(held));

            SQLException ended = assertThrows(SQLException.class, () -> backendOf(held));
            assertThat(DatabaseOutage.causedBy(ended)).as(ended.toString()).isTrue();

            // The pool has put its stand-in in the connection's place: a plain SQLException, no SQLSTATE.
            SQLException dropped = assertThrows(SQLException.class, () -> held.prepareStatement("select 1"));
            assertThat(dropped.getSQLState()).isNull();
            assertThat(DatabaseOutage.causedBy(new JdbcException("Failed to create a SQL statement", dropped)))
                    .isTrue();
        }
    }

    @Test
    void aBrokenConstraintOrABugIsNoOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    private static int backendOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void endBackend(TestDatabase database, int pid) throws SQLException {
        try (Connection admin = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement terminate = admin.prepareStatement("select pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            try (ResultSet result = terminate.executeQuery()) {
                result.next();
                assertThat(result.getBoolean(1)).isTrue();
            }
        }
    }
}
