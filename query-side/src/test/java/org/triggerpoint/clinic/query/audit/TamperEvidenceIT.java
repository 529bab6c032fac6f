package org.triggerpoint.clinic.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.UserDeactivated;
import org.triggerpoint.clinic.events.user.UserRegistered;
import org.triggerpoint.clinic.events.user.UserRolesChanged;
import org.triggerpoint.clinic.events.user.Username;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering done directly in PostgreSQL, as someone with write access to the tables could, is found by
 * {@code GET /api/audit/verify} and by {@code ./clinic verify-log}'s main, and reported where it was done. Each test
 * starts from the same log: three users' streams of four events each and a client's registration, then an anchor.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = "clinic.test.own-database=TamperEvidenceIT") // it tampers: no other test's log here
@DirtiesContext
class TamperEvidenceIT {

    private static final String AUDITOR = "august-auditor";
    private static final String THERAPIST = "tamsin-therapist";
    private static final Instant MONDAY = Instant.parse("2025-03-03T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String databaseUser;
    @Value("${spring.datasource.password}")
    String databasePassword;

    private final HttpClient http = HttpClient.newHttpClient();
    private long anchorId;
    private long anchoredPosition;

    @BeforeEach
    void aLogOfFourStreamsAndAnAnchor() {
        addUser(AUDITOR, "AUDITOR");
        addUser(THERAPIST, "THERAPIST");
        EventLog log = new EventLog(eventStore, jdbc);
        for (String user : List.of("amara", "bertil", "chidi")) {
            Username username = new Username(user);
            log.append("UserAccount", username, new UserRegistered(username, Set.of(Role.THERAPIST), MONDAY),
                    MONDAY, "admin", "ADMIN");
            log.append("UserAccount", username, new UserRolesChanged(username, Set.of(Role.THERAPIST, Role.AUDITOR),
                    Set.of(Role.AUDITOR), Set.of(), MONDAY.plusSeconds(60)), MONDAY.plusSeconds(60), "admin", "ADMIN");
            log.append("UserAccount", username, new UserRolesChanged(username, Set.of(Role.THERAPIST),
                    Set.of(), Set.of(Role.AUDITOR), MONDAY.plusSeconds(120)), MONDAY.plusSeconds(120), "admin",
                    "ADMIN");
            log.append("UserAccount", username, new UserDeactivated(username, MONDAY.plusSeconds(180)),
                    MONDAY.plusSeconds(180), "admin", "ADMIN");
        }
        ClientId client = new ClientId(UUID.randomUUID());
        log.append("Client", client, new ClientRegistered(client, new ClientDetails("Perpetua", "Ravenscroft",
                LocalDate.of(1958, 11, 2), "perpetua@example.org", null), MONDAY), MONDAY, THERAPIST, "THERAPIST");
        // As the command side's anchor job does, here by hand: that job does not run in the query side.
        anchoredPosition = jdbc.sql("select max(global_index) from events.domain_event_entry")
                .query(Long.class).single();
        anchorId = jdbc.sql("""
                        insert into events.chain_anchor (global_position, streams, heads_digest)
                        values (:position, (select count(distinct aggregate_identifier) from events.domain_event_entry
                                            where global_index <= :position), events.heads_digest(:position))
                        returning anchor_id""")
                .param("position", anchoredPosition)
                .query(Long.class).single();
    }

    @AfterEach
    void clearTheLog() {
        jdbc.sql("delete from events.chain_anchor").update();
        jdbc.sql("delete from events.domain_event_entry").update();
    }

    @Test
    void anUntouchedLogIsIntact() {
        JsonNode report = verify();

        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(13);
        assertThat(report.get("anchorsChecked").asLong()).isEqualTo(1);
        assertThat(report.get("firstBreak").isNull()).isTrue();
        assertThat(report.at("/lastAnchor/anchorId").asLong()).isEqualTo(anchorId);
        assertThat(report.at("/lastAnchor/streams").asLong()).isEqualTo(4);
        assertThat(report.at("/lastAnchor/headsDigest").asText()).hasSize(64);
    }

    @Test
    void aChangedPayloadIsReportedAtItsEvent() {
        tamper("update events.domain_event_entry set payload = replace(payload, 'AUDITOR', 'ADMIN') "
                + "where aggregate_identifier = 'bertil' and sequence_number = 1");

        assertBrokenAt("bertil", 1, "was changed after it was stored");
    }

    @Test
    void changedMetadataIsReportedAtItsEvent() {
        tamper("update events.domain_event_entry set meta_data = replace(meta_data, 'admin', 'mallory') "
                + "where aggregate_identifier = 'chidi' and sequence_number = 2");

        assertBrokenAt("chidi", 2, "was changed after it was stored");
    }

    @Test
    void anEventDeletedFromTheMiddleOfAStreamIsReportedAsMissing() {
        tamper("delete from events.domain_event_entry where aggregate_identifier = 'amara' and sequence_number = 1");

        assertBrokenAt("amara", 1, "Sequence number 1 is missing (2 follows 0)");
    }

    @Test
    void swappedPayloadsAreReportedAtTheFirstOfThem() {
        tamper("""
                update events.domain_event_entry e set payload = other.payload
                from events.domain_event_entry other
                where e.aggregate_identifier = 'amara' and other.aggregate_identifier = 'amara'
                  and (e.sequence_number, other.sequence_number) in ((1, 2), (2, 1))""");

        assertBrokenAt("amara", 1, "was changed after it was stored");
    }

    @Test
    void aDeletedLastEventIsFoundByTheAnchor() {
        tamper("delete from events.domain_event_entry where aggregate_identifier = 'chidi' and sequence_number = 3");

        assertBrokenAt("anchor " + anchorId, anchoredPosition, "(4 streams then, 4 now)");
    }

    @Test
    void aDeletedStreamIsFoundByTheAnchor() {
        tamper("delete from events.domain_event_entry where aggregate_identifier = 'bertil'");

        assertBrokenAt("anchor " + anchorId, anchoredPosition, "(4 streams then, 3 now)");
    }

    @Test
    void aChainRecomputedAfterAChangeIsFoundByTheAnchor() {
        // Whoever changes an event and then recomputes the rest of its stream's chain leaves consistent links...
        tamper("""
                update events.domain_event_entry set payload = replace(payload, 'AUDITOR', 'ADMIN')
                where aggregate_identifier = 'bertil' and sequence_number = 1;
                do $$
                declare
                    event    record;
                    previous bytea;
                begin
                    for event in select * from events.domain_event_entry where aggregate_identifier = 'bertil'
                                 order by sequence_number loop
                        previous := events.event_hash(previous, event.aggregate_identifier, event.sequence_number,
                                event.event_identifier, event.payload_type, event.payload_revision,
                                event.time_stamp, event.payload, event.meta_data);
                        update events.domain_event_entry set chain_hash = previous
                        where global_index = event.global_index;
                    end loop;
                end
                $$""");

        // ...but not the stream's head that the anchor recorded.
        assertBrokenAt("anchor " + anchorId, anchoredPosition, "events at or before that position were deleted, "
                + "or a stream's chain was rewritten");
    }

    @Test
    void destroyingAClientsKeyLeavesTheLogIntact() {
        // Erasure destroys the key; the chain covers the encrypted form, which does not change.
        tamper("update privacy.client_key set data_key = null, destroyed_at = now()");

        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAuditorMayVerifyTheLog() {
        assertThat(get("/api/audit/verify", THERAPIST).statusCode()).isEqualTo(403);
        assertThat(get("/api/audit/verify", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theCommandLineExitsZeroWhenIntactAndOneWhenTampered() throws Exception {
        Run intact = verifyLog(databaseUrl);
        assertThat(intact.exitCode()).as(intact.output()).isEqualTo(0);
        assertThat(JSON.readTree(intact.output()).get("eventsChecked").asLong()).isEqualTo(13);

        tamper("update events.domain_event_entry set payload = replace(payload, 'AUDITOR', 'ADMIN') "
                + "where aggregate_identifier = 'bertil' and sequence_number = 1");

        Run broken = verifyLog(databaseUrl);
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
        JsonNode report = JSON.readTree(broken.output());
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.at("/firstBreak/where").asText()).isEqualTo("bertil");
    }

    @Test
    void theCommandLineExitsTwoWhenItCannotReachTheDatabase() throws Exception {
        Run unreachable = verifyLog("jdbc:postgresql://127.0.0.1:1/clinic");

        assertThat(unreachable.exitCode()).as(unreachable.output()).isEqualTo(2);
    }

    private void assertBrokenAt(String where, long position, String what) {
        JsonNode report = verify();

        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.at("/firstBreak/where").asText()).as(report.toString()).isEqualTo(where);
        assertThat(report.at("/firstBreak/position").asLong()).as(report.toString()).isEqualTo(position);
        assertThat(report.at("/firstBreak/what").asText()).contains(what);
    }

    private void tamper(String sql) {
        jdbc.sql(sql).update();
    }

    private JsonNode verify() {
        HttpResponse<String> answer = get("/api/audit/verify", AUDITOR);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException notJson) {
            throw new AssertionError(answer.body(), notJson);
        }
    }

    /** {@code ./clinic verify-log}'s command, from the packaged jar; stdout and stderr together. */
    private Run verifyLog(String url) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("clinic.queryJar"), "-Dloader.main=" + VerifyLogCommand.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher").redirectErrorStream(true);
        command.environment().putAll(Map.of("CLINIC_DB_URL", url, "CLINIC_DB_USER", databaseUser,
                "CLINIC_DB_PASSWORD", databasePassword));
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }

    private HttpResponse<String> get(String path, String username) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password(username)).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("The query side did not answer", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private void addUser(String username, String role) {
        jdbc.sql("""
                        insert into identity.user_account (username, password_hash, roles, active)
                        values (?, ?, ?::text[], true) on conflict (username) do nothing""")
                .param(username).param(passwordEncoder.encode(password(username))).param("{" + role + "}")
                .update();
    }

    private static String password(String username) {
        return username + "-password-2026";
    }
}
