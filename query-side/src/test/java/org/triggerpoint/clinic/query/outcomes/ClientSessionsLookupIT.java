package org.triggerpoint.clinic.query.outcomes;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.localpostgres.TestDatabase;
import org.triggerpoint.clinic.query.projections.BatchLookups;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch reads its clients' sessions through the index on the client, even while the table's statistics are those
 * of a table just emptied, as all through a rebuild; and the rebuild's last batch reads every signed session in
 * portions that each hold all the sessions of their clients.
 */
class ClientSessionsLookupIT {

    @Test
    void aBatchsClientsSessionsAreFoundByTheClientsIndexInATableWithoutStatistics() {
        try (TestDatabase database = TestDatabase.create()) {
            DataSource dataSource = withTheViewsTables(database);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("alter table query.outcome_session set (autovacuum_enabled = false)").update();
            List<UUID> clients = IntStream.range(0, 4000).mapToObj(any -> UUID.randomUUID()).toList();
            storeSessions(jdbc, clients, 5, true);
            List<UUID> batch = clients.subList(0, 17);

            List<String> plan = jdbc.sql("explain " + OutcomeSessions.SESSIONS_OF_CLIENTS)
                    .param(batch.toArray(UUID[]::new))
                    .query(String.class)
                    .list();

            assertThat(plan).anyMatch(line -> line.contains("Index Scan on outcome_session_client")
                            || line.contains("Index Scan using outcome_session_client"))
                    .noneMatch(line -> line.contains("Seq Scan"));
            OutcomeSessions sessions = new OutcomeSessions(jdbc,
                    new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource)), new BatchLookups(dataSource));
            assertThat(sessions.sessionsOf(batch))
                    .hasSize(5 * batch.size())
                    .allMatch(session -> batch.contains(session.outcome().clientId()));
        }
    }

    @Test
    void aRebuildsCountReadsEverySignedSessionOnceInPortionsOfWholeClients() {
        try (TestDatabase database = TestDatabase.create()) {
            DataSource dataSource = withTheViewsTables(database);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            List<UUID> clients = IntStream.range(0, 7).mapToObj(any -> UUID.randomUUID()).toList();
            storeSessions(jdbc, clients, 3, true, true, false);
            OutcomeSessions sessions = new OutcomeSessions(jdbc,
                    new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource)), new BatchLookups(dataSource));
            List<List<SessionOutcome>> portions = new ArrayList<>();

            new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> sessions.signedSessionsByClient(10, portions::add));

            assertThat(portions).as("whole clients of 6 signed sessions, until a portion holds 10 or more")
                    .extracting(List::size).containsExactly(12, 12, 12, 6);
            assertThat(portions).allSatisfy(portion -> assertThat(portion).allMatch(SessionOutcome::completed));
            assertThat(portions.stream().mapToInt(List::size).sum()).as("7 clients with 6 signed sessions each")
                    .isEqualTo(42);
            assertThat(clients).allSatisfy(client -> assertThat(portions)
                    .filteredOn(portion -> portion.stream().anyMatch(session -> session.clientId().equals(client)))
                    .singleElement()
                    .satisfies(portion -> assertThat(portion).filteredOn(session -> session.clientId().equals(client))
                            .hasSize(6)));
        }
    }

    private static DataSource withTheViewsTables(TestDatabase database) {
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query")
                .locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** {@code times} rounds of sessions for each client, a round a session for each of {@code signed}, signed or not. */
    private static void storeSessions(JdbcClient jdbc, List<UUID> clients, int times, Boolean... signed) {
        jdbc.sql("""
                        insert into query.outcome_session (session_id, client_id, therapist_id, started_month,
                            completed, sore, resolved_within_48h, muscles, pressures, conditions, last_position)
                        select gen_random_uuid(), client_id, gen_random_uuid(), date '2026-03-01', signed, false,
                            false, '{UPPER_TRAPEZIUS}', '{STATIC}', '{}', 1
                        from unnest(?::uuid[]) as client_id, generate_series(1, ?), unnest(?::boolean[]) as signed""")
                .params(clients.toArray(UUID[]::new), times, signed)
                .update();
    }
}
