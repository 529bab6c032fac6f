package org.triggerpoint.clinic.command.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triggerpoint.clinic.localpostgres.ThrowAwayDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.web.TestIdentityProvider.rsaKeyPair;
import static org.triggerpoint.clinic.web.TestIdentityProvider.token;
import static org.triggerpoint.clinic.web.TestIdentityProvider.unreachableKeySetUri;

/**
 * When the identity provider's keys cannot be fetched, a bearer token cannot be checked: that is the clinic's fault,
 * not the caller's. The answer is 500 "Sign-in could not be checked" (as when the user store fails), never 401, which
 * would tell a therapist with a good token to sign in again; and nothing is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinic.admin-password=unreachable-keys-admin-password-1", "clinic.retention.schedule=-"})
@ContextConfiguration(initializers = ThrowAwayDatabase.class)
class UnreachableKeySetIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void keySetNobodyServes(DynamicPropertyRegistry registry) throws IOException {
        String keySet = unreachableKeySetUri();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> keySet);
    }

    @Test
    void aTokenThatCannotBeCheckedIsTheClinicsFaultAndRecordsNothing() throws Exception {
        long eventsBefore = storedEvents();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/clients"))
                .header("Authorization", "Bearer " + token(rsaKeyPair(), "oidc.dana", List.of("THERAPIST")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"givenName":"Avery","familyName":"Quinlan","dateOfBirth":"1984-03-12",
                         "consentToTreatment":true,"consentToDataProcessing":true}""")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"title\":\"Sign-in could not be checked\"");
        assertThat(answer.body()).contains("your request was not carried out");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();
    }
}
