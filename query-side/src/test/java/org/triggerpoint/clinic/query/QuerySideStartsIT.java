package org.triggerpoint.clinic.query;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side starts, reports healthy, signs in the users the command side keeps, and adds nothing to events. */
@QuerySideIntegrationTest
class QuerySideStartsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    Configuration axon;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsHealthyWithoutSigningIn() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserOfTheCommandSideSignsInHereToo() throws Exception {
        storeUser("reader", "reader-password-1", "{THERAPIST}");

        HttpResponse<String> muscles = get("/api/reference/muscles", "reader:reader-password-1");
        assertThat(muscles.statusCode()).isEqualTo(200);
        assertThat(muscles.body()).contains("{\"muscle\":\"UPPER_TRAPEZIUS\",\"region\":\"NECK\"}");

        HttpResponse<String> wrongPassword = get("/api/reference/muscles", "reader:not-the-password");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/api/reference/muscles", null).statusCode()).isEqualTo(401);
    }

    @Test
    void credentialsThatCannotBeCheckedAreTheClinicsFaultNotTheCallers() throws Exception {
        // An account the sign-in cannot read (a role the security layer refuses): the check fails, not the password.
        storeUser("unreadable", "reader-password-1", "{ROLE_THERAPIST}");

        HttpResponse<String> answer = get("/api/reference/muscles", "unreadable:reader-password-1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"title\":\"Sign-in could not be checked\"");
    }

    @Test
    void theViewsCarryNoCorrelationDataSoTheyNeverReadAnEventsMetadataForIt() {
        EventMessage<String> commandSideEvent = GenericEventMessage.<String>asEventMessage("stored")
                .andMetaData(Map.of("correlationId", "c-1", "traceId", "t-1", "actor", "dana"));

        assertThat(axon.correlationDataProviders())
                .isNotEmpty()
                .allSatisfy(provider -> assertThat(provider.correlationDataFor(commandSideEvent)).isEmpty());
    }

    /** A user as the command side keeps them, {@code roles} as a PostgreSQL array literal. */
    private void storeUser(String username, String password, String roles) {
        jdbc.sql("insert into identity.user_account (username, password_hash, roles, active) values (?, ?, ?::text[], true)")
                .param(username)
                .param(passwordEncoder.encode(password))
                .param(roles)
                .update();
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
