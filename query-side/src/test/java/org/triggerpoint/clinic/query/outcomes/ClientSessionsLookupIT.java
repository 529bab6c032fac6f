package org.triggerpoint.clinic.query.outcomes;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read of a batch's clients' sessions per group probes the primary key for each client and group, even while the
 * table's statistics are those of a table just emptied, as all through a rebuild.
 */
class ClientSessionsLookupIT {

    @Test
    void aBatchsClientsAreLookedUpByTheirKeyInATableWithoutStatistics() {
        try (TestDatabase database = TestDatabase.create()) {
            DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
            Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query")
                    .locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            List<UUID> clients = IntStream.range(0, 2000).mapToObj(any -> UUID.randomUUID()).toList();
            jdbc.sql("""
                            insert into query.outcome_group_client (dimension, group_key, client_id, month, sessions)
                            select 'muscle', 'UPPER_TRAPEZIUS', client_id, date '2026-03-01', 1
                            from unnest(?::uuid[]) as client_id""")
                    .param(clients.toArray(UUID[]::new))
                    .update();
            List<UUID> batch = clients.subList(0, 17);
            Object[] batchKeys = {batch.stream().map(any -> "muscle").toArray(String[]::new),
                    batch.stream().map(any -> "UPPER_TRAPEZIUS").toArray(String[]::new),
                    batch.stream().map(UUID::toString).toArray(String[]::new)};

            List<String> plan = jdbc.sql("explain " + OutcomeRollups.SESSIONS_BEFORE)
                    .params(batchKeys)
                    .query(String.class)
                    .list();

            assertThat(plan).anyMatch(line -> line.contains("Index Scan using outcome_group_client_pkey"))
                    .noneMatch(line -> line.contains("Seq Scan on outcome_group_client"));
            assertThat(jdbc.sql(OutcomeRollups.SESSIONS_BEFORE)
                    .params(batchKeys)
                    .query((rs, row) -> rs.getObject("client_id", UUID.class))
                    .list())
                    .containsExactlyInAnyOrderElementsOf(batch);
        }
    }
}
