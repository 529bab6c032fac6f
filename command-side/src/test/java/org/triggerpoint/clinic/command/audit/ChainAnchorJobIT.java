package org.triggerpoint.clinic.command.audit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.client.RegisterClient;
import org.triggerpoint.clinic.command.http.CommandSideIntegrationTest;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The anchor job records, after new events, a digest of every stream's latest event up to the latest position. */
@CommandSideIntegrationTest
class ChainAnchorJobIT {

    @Autowired
    ChainAnchorJob job;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnchorDigestsEveryStreamsHeadUpToTheLatestStoredEvent() {
        ClientId client = new ClientId(UUID.randomUUID());
        commands.sendAndWait(new RegisterClient(client, new ClientDetails("Rowan", "Ashdown",
                LocalDate.of(1962, 8, 30), null, null), true, true, Instant.now()));
        long latest = jdbc.sql("select max(global_index) from events.domain_event_entry").query(Long.class).single();

        long anchorId = job.anchorTheLog().orElseThrow();

        Anchor anchor = jdbc.sql("select global_position, streams, heads_digest from events.chain_anchor "
                        + "where anchor_id = ?")
                .param(anchorId)
                .query((rs, row) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .single();
        assertThat(anchor.globalPosition()).isGreaterThanOrEqualTo(latest);
        assertThat(anchor.streams()).isEqualTo(jdbc.sql("select count(distinct aggregate_identifier) "
                + "from events.domain_event_entry where global_index <= ?").param(anchor.globalPosition())
                .query(Long.class).single());
        assertThat(anchor.headsDigest()).isEqualTo(headsDigestAsDocumented(anchor.globalPosition()));
        assertThat(job.anchorTheLog()).as("nothing stored since: no second anchor").isEmpty();
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
