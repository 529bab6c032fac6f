package org.triggerpoint.clinic.command.http;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away while a command's commit is on its way: the answer to the commit never comes, so nothing on
 * this side can tell whether the change is stored. The caller is told exactly that (503, "outcome": "unknown"),
 * never "nothing was stored". A connection lost before the commit is sent did store nothing, and the answer says
 * that. Produced on demand: the command's own database connection is ended just before its commit, or before its
 * handling.
 */
@CommandSideIntegrationTest
class LostCommitIT {

    @LocalServerPort
    int port;
    @Autowired
    CommandBus commandBus;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    final AtomicBoolean loseNextCommit = new AtomicBoolean();
    final AtomicBoolean loseNextConnectionBeforeHandling = new AtomicBoolean();
    Registration interceptor;
    ClinicHttp api;
    User therapist;
    String sessionId;

    @BeforeEach
    void setUp() {
        interceptor = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (loseNextConnectionBeforeHandling.compareAndSet(true, false)) {
                endTheConnectionOfThisTransaction();
            }
            if (loseNextCommit.compareAndSet(true, false)) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        endTheConnectionOfThisTransaction();
                    }
                });
            }
            return chain.proceed();
        });
        api = new ClinicHttp(port);
        therapist = api.newUser("THERAPIST");
        sessionId = api.newAssessedSession(therapist, api.newClient(therapist), api.newTherapist());
    }

    @AfterEach
    void tearDown() {
        interceptor.cancel();
    }

    @Test
    void aCommitWhoseAnswerNeverCameIsAnsweredOutcomeUnknown() {
        loseNextCommit.set(true);

        Answer technique = applyATechnique();

        assertThat(technique.status()).isEqualTo(503);
        assertThat(technique.json().path("title").asText()).isEqualTo("Outcome unknown");
        assertThat(technique.json().path("outcome").asText()).isEqualTo("unknown");
        assertThat(loseNextCommit).isFalse();
    }

    @Test
    void aUsersRegistrationWhoseCommitWasNeverAnsweredIsAnsweredOutcomeUnknownToo() {
        // A registration stores its event and the password hash in one transaction of its own around the command.
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        loseNextCommit.set(true);

        Answer registration = api.post(api.admin(), "/api/users", Map.of("username", username,
                "password", "a-long-enough-password-1", "roles", List.of("THERAPIST")));

        assertThat(registration.status()).isEqualTo(503);
        assertThat(registration.json().path("outcome").asText()).isEqualTo("unknown");
        assertThat(loseNextCommit).isFalse();
    }

    @Test
    void aConnectionLostBeforeTheCommitIsAnsweredNothingStored() {
        loseNextConnectionBeforeHandling.set(true);

        Answer technique = applyATechnique();

        assertThat(technique.status()).isEqualTo(503);
        assertThat(technique.json().path("title").asText()).isEqualTo("Database unavailable");
        assertThat(technique.json().has("outcome")).isFalse();
        assertThat(new StoredEvents(jdbc).typesOf(sessionId)).doesNotContain("TechniqueApplied");
    }

    @Test
    void theNextCommandIsServedAsUsual() {
        loseNextCommit.set(true);
        applyATechnique();

        Answer again = applyATechnique();

        assertThat(again.status()).isEqualTo(204);
    }

    private Answer applyATechnique() {
        return api.post(therapist, "/api/sessions/" + sessionId + "/techniques",
                Map.of("technique", "GENTLE_MOVEMENT"));
    }

    /** Ends this transaction's server process from a connection of its own, as a database going away would. */
    private void endTheConnectionOfThisTransaction() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Statement own = DataSourceUtils.getConnection(dataSource).createStatement();
             ResultSet backend = own.executeQuery("select pg_backend_pid()");
             Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             PreparedStatement terminate = other.prepareStatement("select pg_terminate_backend(?, 5000)")) {
            backend.next();
            terminate.setInt(1, backend.getInt(1));
            try (ResultSet ended = terminate.executeQuery()) {
                ended.next();
                assertThat(ended.getBoolean(1)).isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
