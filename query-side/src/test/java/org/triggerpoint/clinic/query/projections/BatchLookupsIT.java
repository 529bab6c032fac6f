package org.triggerpoint.clinic.query.projections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's lookup is planned for the table as it is each time it runs: however often it runs on a connection, it
 * never becomes a server-side prepared statement whose generic plan PostgreSQL could keep.
 */
class BatchLookupsIT {

    private static final String LOOKUP = "select n as looked_up from generate_series(1, 10) n where n = any(?)";

    private TestDatabase database;
    private SingleConnectionDataSource connection;

    @BeforeEach
    void oneConnection() {
        database = TestDatabase.create();
        connection = new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
    }

    @AfterEach
    void dropDatabase() {
        connection.destroy();
        database.close();
    }

    @Test
    void aLookupRunOftenOnOneConnectionIsNeverPreparedOnTheServer() {
        BatchLookups lookups = new BatchLookups(connection);

        for (int run = 0; run < 10; run++) {
            assertThat(lookups.sql(LOOKUP).param(new Integer[]{2, 3}).query(Integer.class).list())
                    .containsExactly(2, 3);
        }

        assertThat(serverPreparedLookups()).isZero();
    }

    @Test
    void anOrdinaryStatementRunAsOftenIsPreparedOnTheServer() {
        JdbcClient ordinary = JdbcClient.create(connection);

        for (int run = 0; run < 10; run++) {
            ordinary.sql(LOOKUP).param(new Integer[]{2, 3}).query(Integer.class).list();
        }

        assertThat(serverPreparedLookups()).isOne();
    }

    private int serverPreparedLookups() {
        return JdbcClient.create(connection)
                .sql("select count(*) from pg_prepared_statements where statement like '%looked_up%'")
                .query(Integer.class)
                .single();
    }
}
