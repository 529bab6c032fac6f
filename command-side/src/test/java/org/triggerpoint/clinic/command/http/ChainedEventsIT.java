package org.triggerpoint.clinic.command.http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.audit.ChainFormat;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event stored through the command API carries a hash of its stored form, chained to its predecessor's. */
@CommandSideIntegrationTest
class ChainedEventsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachEventsChainHashCoversItsStoredFormAndItsPredecessorsHash() {
        ClinicHttp api = new ClinicHttp(port);
        User therapist = api.newUser("THERAPIST");
        String clientId = api.newClient(therapist);
        String sessionId = api.newAssessedSession(therapist, clientId, api.newTherapist());
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/complete", Map.of("postSessionPainScore", 3,
                "notes", "Less pain turning head")).status()).isEqualTo(204);

        for (String stream : List.of(clientId, sessionId)) {
            List<StoredEvent> events = storedEvents(stream);
            assertThat(events).as(stream).hasSizeGreaterThan(1);
            byte[] previous = null;
            for (StoredEvent event : events) {
                byte[] expected = ChainFormat.eventHash(previous, event.aggregateIdentifier(),
                        Long.toString(event.sequenceNumber()), event.eventIdentifier(), event.payloadType(),
                        event.payloadRevision(), event.timeStamp(), event.payload(), event.metaData());
                assertThat(event.chainHash()).as("%s at %d", stream, event.sequenceNumber()).isEqualTo(expected);
                previous = event.chainHash();
            }
        }
        assertThat(storedEvents(clientId).get(0).payload()).as("the stored (encrypted) form is hashed")
                .doesNotContain("Quinlan");
    }

    @Test
    void everyStoredEventIsLinkedToItsPredecessor() {
        ClinicHttp api = new ClinicHttp(port);
        api.newClient(api.newUser("THERAPIST"));

        long unlinked = jdbc.sql("""
                        select count(*) from (
                            select chain_hash, events.event_hash(lag(chain_hash) over stream, aggregate_identifier,
                                       sequence_number, event_identifier, payload_type, payload_revision, time_stamp,
                                       payload, meta_data) as recomputed
                            from events.domain_event_entry
                            window stream as (partition by aggregate_identifier order by sequence_number)) links
                        where chain_hash is distinct from recomputed""")
                .query(Long.class).single();
        long events = jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();

        assertThat(events).isPositive();
        assertThat(unlinked).isZero();
    }

    /**
     * The chain's functions are expanded into the statement that calls them (migration V7): called as functions of
     * their own, eight per event stored, they made most of an insert's cost.
     */
    @Test
    void theHashOfAnEventIsComputedWithinTheStatementNotByAFunctionCallPerField() {
        String plan = String.join("\n", jdbc.sql("""
                        explain (verbose, costs off)
                        select events.event_hash(chain_hash, aggregate_identifier, sequence_number, event_identifier,
                                                 payload_type, payload_revision, time_stamp, payload, meta_data)
                        from events.domain_event_entry""")
                .query(String.class).list());

        assertThat(plan).contains("sha256").doesNotContain("event_hash").doesNotContain("chain_field");
    }

    private List<StoredEvent> storedEvents(String stream) {
        return jdbc.sql("""
                        select aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision,
                               time_stamp, payload, meta_data, chain_hash
                        from events.domain_event_entry where aggregate_identifier = ? order by sequence_number""")
                .param(stream)
                .query((rs, row) -> new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9)))
                .list();
    }

    private record StoredEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                               String payloadType, String payloadRevision, String timeStamp, String payload,
                               String metaData, byte[] chainHash) {
    }
}
