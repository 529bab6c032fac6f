package org.triggerpoint.clinic.command.audit;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6 on a log anchored before it: the anchor writer's heads start as of the latest anchor (the last position known to
 * be settled), not of the latest event, and the next anchor brings them forward to a digest equal to the verifier's.
 */
class StreamHeadsMigrationIT {

    private static final String HEADS_UP_TO = """
            select distinct on (aggregate_identifier) aggregate_identifier, sequence_number, chain_hash, global_index
            from events.domain_event_entry where global_index <= ?
            order by aggregate_identifier, sequence_number desc""";

    @Test
    void theHeadsStartAsOfTheLatestAnchorAndTheNextAnchorBringsThemForward() {
        try (TestDatabase database = TestDatabase.create()) {
            DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
            JdbcClient jdbc = JdbcClient.create(dataSource);
            migrations(dataSource).target("5").load().migrate();
            store(jdbc, "client-a", 0);
            store(jdbc, "client-b", 0);
            store(jdbc, "client-a", 1);
            long anchored = latestPosition(jdbc);
            anchorAsBeforeV6(jdbc, anchored);
            store(jdbc, "client-a", 2);
            store(jdbc, "client-c", 0);

            migrations(dataSource).load().migrate();

            assertThat(jdbc.sql("select aggregate_identifier, sequence_number, chain_hash, global_index "
                            + "from events.stream_head order by aggregate_identifier")
                    .query(Head::of).list())
                    .as("each stream's head as of the anchor, not of the latest event")
                    .containsExactlyElementsOf(jdbc.sql(HEADS_UP_TO).param(anchored).query(Head::of).list())
                    .extracting(Head::stream).containsExactly("client-a", "client-b");

            long latest = latestPosition(jdbc);
            jdbc.sql("select events.anchor_log(?)").param(latest).query(Long.class).single();
            assertThat(jdbc.sql("""
                            select streams = 3 and heads_digest = events.heads_digest(global_position)
                            from events.chain_anchor where global_position = ?""")
                    .param(latest).query(Boolean.class).single())
                    .as("the next anchor counts and digests every stream's head").isTrue();
        }
    }

    private static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas("command", "events", "identity", "privacy")
                .defaultSchema("command").locations("classpath:db/migration");
    }

    /** An event as the event store appends it; the chain trigger (V5) hashes it. */
    private static void store(JdbcClient jdbc, String stream, long sequenceNumber) {
        jdbc.sql("""
                        insert into events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload, meta_data)
                        values (gen_random_uuid()::text, ?, ?, 'Client', '2026-03-02T09:00:00Z', 'ClientChanged', '{}',
                                '{}')""")
                .params(List.of(stream, sequenceNumber))
                .update();
    }

    /** As the anchor job wrote anchors up to V5: the digest computed from the whole event table. */
    private static void anchorAsBeforeV6(JdbcClient jdbc, long position) {
        jdbc.sql("""
                        insert into events.chain_anchor (global_position, streams, heads_digest)
                        select :position,
                               (select count(distinct aggregate_identifier) from events.domain_event_entry
                                where global_index <= :position),
                               events.heads_digest(:position)""")
                .param("position", position)
                .update();
    }

    private static long latestPosition(JdbcClient jdbc) {
        return jdbc.sql("select max(global_index) from events.domain_event_entry").query(Long.class).single();
    }

    private record Head(String stream, long sequenceNumber, String chainHash, long globalIndex) {

        static Head of(ResultSet row, int number) throws SQLException {
            return new Head(row.getString(1), row.getLong(2), HexFormat.of().formatHex(row.getBytes(3)),
                    row.getLong(4));
        }
    }
}
