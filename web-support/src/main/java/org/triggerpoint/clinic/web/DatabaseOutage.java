package org.triggerpoint.clinic.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A failure because the database cannot be reached (down, restarting, or the connection lost mid-request), told apart
 * from every other failure by type and SQLSTATE, never by message; and the 503 problem that answers it, wherever it
 * surfaces: in a command or a read, or already while the caller's credentials are checked.
 */
public final class DatabaseOutage {

    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseOutage() {
    }

    /** 503 "Database unavailable", with the process's own {@code detail} of what became of the request. */
    public static ProblemDetail problem(String detail) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", detail);
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P: the server is shutting down or restarting.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (isConnectionThePoolDropped(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Once the database breaks a connection, the pool closes it and puts a stand-in in its place that fails every
     * further use with a plain SQLException, without a SQLSTATE. A request still holding it (e.g. Axon, having
     * logged and passed over a failed snapshot read, goes on to read the events) then fails with that exception:
     * the database went away mid-request. It is told by the stand-in's class at the top of the stack.
     */
    private static boolean isConnectionThePoolDropped(Throwable cause) {
        StackTraceElement[] stack = cause.getStackTrace();
        return cause instanceof SQLException && stack.length > 0
                && HIKARI_CLOSED_CONNECTION.equals(stack[0].getClassName());
    }
}
