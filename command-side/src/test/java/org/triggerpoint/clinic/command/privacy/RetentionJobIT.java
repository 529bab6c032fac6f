package org.triggerpoint.clinic.command.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.triggerpoint.clinic.localpostgres.ThrowAwayDatabase;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job erases what is past its retention period, and nothing else. A context of its own: it erases. */
@SpringBootTest(properties = {"clinic.retention.period=P30D", "clinic.retention.schedule=-",
        "clinic.admin-password=retention-admin-password-1"})
@ContextConfiguration(initializers = ThrowAwayDatabase.class)
class RetentionJobIT {

    @Autowired
    RetentionJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Test
    void recordsPastTheirRetentionPeriodAreErasedWithTheReasonRecorded() {
        ClientId old = RetentionFixtures.registerClient(commands, Instant.now().minus(Duration.ofDays(40)));
        ClientId recent = RetentionFixtures.registerClient(commands, Instant.now().minus(Duration.ofDays(5)));

        List<ClientId> erased = job.eraseRecordsPastRetention(Instant.now());

        assertThat(erased).containsExactly(old);
        assertThat(keyDestroyed(old)).isTrue();
        assertThat(keyDestroyed(recent)).isFalse();
        String reason = jdbc.sql("""
                        select payload from events.domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%ClientDataErased'""")
                .param(old.toString()).query(String.class).single();
        assertThat(reason).contains("Retention period of P30D after the last session ended");
        assertThat(job.eraseRecordsPastRetention(Instant.now())).isEmpty();
    }

    private boolean keyDestroyed(ClientId clientId) {
        return jdbc.sql("select data_key is null from privacy.client_key where client_id = ?")
                .param(clientId.value()).query(Boolean.class).single();
    }
}
