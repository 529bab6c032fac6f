package org.triggerpoint.clinic.query.projections;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The views' reads of the rows a batch of events needs, by their keys ({@code where id = any(?)}), planned by
 * PostgreSQL for the table as it is at each execution.
 * <p>
 * The driver turns a statement run five times on a connection into a server-side prepared statement, and PostgreSQL
 * may then keep one generic plan for it, chosen from the table's statistics of that moment. A rebuild empties a view
 * and fills it again within minutes, so a plan chosen while a table was nearly empty (a sequential scan) was kept
 * while the table grew: in a quick benchmark run the outcomes view's read of a batch's sessions took 0.47 ms a call
 * on average, against 0.07 ms sent unprepared ({@code pg_stat_statements}). These statements are planned with their
 * keys and the table's current size each time; planning them costs a fraction of a millisecond. Writes are
 * unaffected: an {@code insert ... on conflict} finds its row through the key's index whatever the plan.
 * <p>
 * Statements run in the caller's transaction, as the views' other statements do.
 */
@Component
public class BatchLookups {

    private final JdbcClient jdbc;

    public BatchLookups(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        });
    }

    public JdbcClient.StatementSpec sql(String sql) {
        return jdbc.sql(sql);
    }
}
