package org.triggerpoint.clinic.command.audit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.client.ChangeConsent;
import org.triggerpoint.clinic.command.client.RegisterClient;
import org.triggerpoint.clinic.command.http.CommandSideIntegrationTest;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The anchor job records, after new events, a digest of every stream's latest event up to the latest position. */
@CommandSideIntegrationTest
class ChainAnchorJobIT {

    @Autowired
    ChainAnchorJob job;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void anAnchorDigestsEveryStreamsHeadUpToTheLatestStoredEvent() {
        register(new ClientId(UUID.randomUUID()), "Ashdown");
        long latest = latestPosition();

        Anchor anchor = anchor(job.anchorTheLog().orElseThrow());

        assertThat(anchor.globalPosition()).isGreaterThanOrEqualTo(latest);
        assertCoversEveryStreamsHead(anchor);
        assertThat(job.anchorTheLog()).as("nothing stored since: no second anchor").isEmpty();
    }

    /**
     * Each anchor brings forward the heads of the one before it with the events stored since (migration V6): new
     * streams join, streams that grew move their head, streams left alone keep theirs.
     */
    @Test
    void anchorsOneAfterAnotherEachDigestEveryStreamsHeadAtTheirPosition() {
        ClientId ashdown = new ClientId(UUID.randomUUID());
        ClientId brightwell = new ClientId(UUID.randomUUID());
        register(ashdown, "Ashdown");
        register(brightwell, "Brightwell");
        assertCoversEveryStreamsHead(anchor(job.anchorTheLog().orElseThrow()));

        ClientId carrow = new ClientId(UUID.randomUUID());
        register(carrow, "Carrow");
        commands.sendAndWait(new ChangeConsent(ashdown, true, false, Instant.now()));
        commands.sendAndWait(new ChangeConsent(ashdown, true, true, Instant.now()));
        assertCoversEveryStreamsHead(anchor(job.anchorTheLog().orElseThrow()));

        commands.sendAndWait(new ChangeConsent(brightwell, false, true, Instant.now()));
        Anchor third = anchor(job.anchorTheLog().orElseThrow());
        assertCoversEveryStreamsHead(third);
        assertThat(third.globalPosition()).isEqualTo(latestPosition());
    }

    /**
     * An append takes its global position before it commits, so a lower position can still appear after a higher one
     * is stored. The anchor waits for the appends in flight when it reads the latest position (migration V10), and
     * appends that come meanwhile go on: none queues behind the anchor.
     */
    @Test
    void anAnchorWaitsForTheAppendsInFlightWhileLaterAppendsGoOn() throws Exception {
        try (Connection inFlight = dataSource.getConnection()) {
            appendInFlightBelowTheLatestPosition(inFlight);
            long latest = latestPosition();

            CompletableFuture<Optional<Long>> anchoring = CompletableFuture.supplyAsync(job::anchorTheLog);

            assertThatThrownBy(() -> anchoring.get(500, TimeUnit.MILLISECONDS))
                    .as("the anchor waits for the append in flight below the latest position")
                    .isInstanceOf(TimeoutException.class);
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> register(new ClientId(UUID.randomUUID()), "Carrow"));
            inFlight.commit();

            Anchor anchor = anchor(anchoring.get(10, TimeUnit.SECONDS).orElseThrow());
            assertThat(anchor.globalPosition()).isGreaterThanOrEqualTo(latest);
            // The late append's stream and head are in the table now; an anchor written before it committed lacks them.
            assertCoversEveryStreamsHead(anchor);
        }
    }

    /**
     * An append that does not end holds the anchor back for at most a few short tries, and no other append waits
     * for it; the next run anchors once it has ended.
     */
    @Test
    void anAppendThatDoesNotEndHoldsTheAnchorBackForSecondsAndTheNextRunAnchors() throws Exception {
        try (Connection inFlight = dataSource.getConnection()) {
            appendInFlightBelowTheLatestPosition(inFlight);

            Optional<Long> whileInFlight = assertTimeoutPreemptively(Duration.ofSeconds(10), job::anchorTheLog);

            assertThat(whileInFlight).isEmpty();
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> register(new ClientId(UUID.randomUUID()), "Carrow"));
            inFlight.rollback();
        }
        Anchor next = anchor(job.anchorTheLog().orElseThrow());
        assertThat(next.globalPosition()).isEqualTo(latestPosition());
        assertCoversEveryStreamsHead(next);
    }

    /** An autovacuum of the event table holds a lock that neither the anchor nor an append waits for. */
    @Test
    void whileAVacuumHoldsTheEventTableTheLogIsAnchoredAndAppendsGoOn() throws Exception {
        register(new ClientId(UUID.randomUUID()), "Ashdown");
        try (Connection vacuum = dataSource.getConnection()) {
            vacuum.setAutoCommit(false);
            try (Statement statement = vacuum.createStatement()) {
                // The lock an autovacuum of the table holds while it runs.
                statement.execute("lock table events.domain_event_entry in share update exclusive mode");
            }

            Anchor anchor = anchor(assertTimeoutPreemptively(Duration.ofSeconds(5), job::anchorTheLog).orElseThrow());

            assertThat(anchor.globalPosition()).isEqualTo(latestPosition());
            assertCoversEveryStreamsHead(anchor);
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> register(new ClientId(UUID.randomUUID()), "Brightwell"));
            vacuum.rollback();
        }
    }

    /**
     * On {@code connection}, left uncommitted: an append, to a stream of its own, that took its global position
     * before a later one was stored and committed.
     */
    private void appendInFlightBelowTheLatestPosition(Connection connection) throws SQLException {
        ClientId ashdown = new ClientId(UUID.randomUUID());
        register(ashdown, "Ashdown");
        connection.setAutoCommit(false);
        long position = appendACopyOfTheFirstEventOf(ashdown, UUID.randomUUID().toString(), connection);
        register(new ClientId(UUID.randomUUID()), "Brightwell");
        assertThat(position).isLessThan(latestPosition());
    }

    /**
     * Appends, on {@code connection} and uncommitted, the first event of {@code client}'s stream again as the first of
     * {@code stream} (the chain trigger hashes it as any append); returns the global position it took.
     */
    private static long appendACopyOfTheFirstEventOf(ClientId client, String stream, Connection connection)
            throws SQLException {
        try (PreparedStatement append = connection.prepareStatement("""
                insert into events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                       time_stamp, payload_type, payload_revision, payload, meta_data)
                select gen_random_uuid()::text, ?, 0, type, time_stamp, payload_type, payload_revision, payload,
                       meta_data
                from events.domain_event_entry where aggregate_identifier = ? and sequence_number = 0
                returning global_index""")) {
            append.setString(1, stream);
            append.setString(2, client.toString());
            try (ResultSet appended = append.executeQuery()) {
                assertThat(appended.next()).as("the client's first event was stored").isTrue();
                return appended.getLong(1);
            }
        }
    }

    private void register(ClientId client, String familyName) {
        commands.sendAndWait(new RegisterClient(client, new ClientDetails("Rowan", familyName,
                LocalDate.of(1962, 8, 30), null, null), true, true, Instant.now()));
    }

    private long latestPosition() {
        return jdbc.sql("select max(global_index) from events.domain_event_entry").query(Long.class).single();
    }

    private Anchor anchor(long anchorId) {
        return jdbc.sql("select global_position, streams, heads_digest from events.chain_anchor where anchor_id = ?")
                .param(anchorId)
                .query((rs, row) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .single();
    }

    /** The anchor's stream count and digest are those of the event table as it stands, by their definition. */
    private void assertCoversEveryStreamsHead(Anchor anchor) {
        assertThat(anchor.streams()).isEqualTo(jdbc.sql("select count(distinct aggregate_identifier) "
                + "from events.domain_event_entry where global_index <= ?").param(anchor.globalPosition())
                .query(Long.class).single());
        assertThat(anchor.headsDigest()).isEqualTo(headsDigestAsDocumented(anchor.globalPosition()));
    }

    /** sha256 over each stream's last event (identifier, sequence number, chain hash), streams in byte order. */
    private byte[] headsDigestAsDocumented(long position) {
        ByteArrayOutputStream heads = new ByteArrayOutputStream();
        jdbc.sql("""
                        select distinct on (aggregate_identifier) aggregate_identifier, sequence_number, chain_hash
                        from events.domain_event_entry where global_index <= ?
                        order by aggregate_identifier, sequence_number desc""")
                .param(position)
                .query((rs, row) -> new Head(rs.getString(1), rs.getLong(2), rs.getBytes(3)))
                .list().stream()
                .sorted((a, b) -> compareBytes(a.stream(), b.stream()))
                .forEach(head -> {
                    heads.writeBytes(ChainFormat.field(head.stream()));
                    heads.writeBytes(ChainFormat.field(Long.toString(head.sequenceNumber())));
                    heads.writeBytes(head.chainHash());
                });
        return ChainFormat.sha256(heads.toByteArray());
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private record Anchor(long globalPosition, long streams, byte[] headsDigest) {
    }

    private record Head(String stream, long sequenceNumber, byte[] chainHash) {
    }
}
