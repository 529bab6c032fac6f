package org.triggerpoint.clinic.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection a unit of work uses (a view's batch, say) goes back to the pool once, when its transaction ends.
 * HikariCP keeps the list of a pooled connection's open statements with the connection, not with its borrower: closed
 * a second time once another thread has it, it empties that thread's list. The statements listed are then never
 * closed for it, and one closed at that very moment fails with an ArrayIndexOutOfBoundsException and leaves the
 * list broken for every later borrower: a command's failure under ./clinic bench in session 19
 * (BENCHMARKS.md, session 20).
 */
@QuerySideIntegrationTest
class PooledConnectionsIT {

    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DataSource dataSource;

    @Test
    void theNextBorrowerOfAUnitOfWorksConnectionKeepsItsOpenStatements() throws Exception {
        AtomicReference<Integer> backendOfTheUnit = new AtomicReference<>();
        AtomicReference<Integer> backendOfTheNextBorrower = new AtomicReference<>();
        AtomicReference<Connection> nextBorrower = new AtomicReference<>();
        AtomicReference<Statement> leftOpen = new AtomicReference<>();

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch"));
        batch.attachTransaction(transactionManager);
        batch.afterCommit(unit -> {
            // The transaction has ended and handed its connection back; this thread is given the same one again.
            try {
                Connection next = dataSource.getConnection();
                nextBorrower.set(next);
                backendOfTheNextBorrower.set(backendOf(next));
                leftOpen.set(next.createStatement());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        batch.execute(() -> {
            try (Connection connection = connectionProvider.getConnection()) {
                backendOfTheUnit.set(backendOf(connection));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        // Handing a connection back closes the statements its borrower left open: all of them, if none was unlisted.
        nextBorrower.get().close();

        assertThat(backendOfTheNextBorrower.get()).as("the next borrower has the unit of work's connection")
                .isEqualTo(backendOfTheUnit.get());
        assertThat(leftOpen.get().isClosed()).isTrue();
    }

    private static int backendOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }
}
