package org.triggerpoint.clinic.command.common;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a scheduled job on one command-side node at a time when several share the database: the job holds a
 * PostgreSQL advisory lock named after it, on a connection of its own, for as long as it runs. A node that finds the
 * lock taken skips its run (the other node is doing the work); a node that dies loses its connection and so the
 * lock, and the next run anywhere takes it.
 */
@Component
public class OneNodeAtATime {

    private final DataSource dataSource;

    OneNodeAtATime(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's result, or empty when another node is running the job of that name right now. */
    public <T> Optional<T> run(String job, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "pg_try_advisory_lock", job)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                lock(connection, "pg_advisory_unlock", job);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the lock of job " + job, e);
        }
    }

    private static boolean lock(Connection connection, String function, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(hashtext(?))")) {
            statement.setString(1, "clinic.job." + job);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
