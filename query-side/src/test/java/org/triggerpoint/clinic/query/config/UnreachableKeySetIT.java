package org.triggerpoint.clinic.query.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

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
 * not the reader's. The answer is 500 "Sign-in could not be checked" (as when the user store fails), never 401, which
 * would tell a reader with a good token to sign in again.
 */
@QuerySideIntegrationTest
class UnreachableKeySetIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keySetNobodyServes(DynamicPropertyRegistry registry) throws IOException {
        String keySet = unreachableKeySetUri();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> keySet);
    }

    @Test
    void aTokenThatCannotBeCheckedIsTheClinicsFault() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/reference/muscles"))
                .header("Authorization", "Bearer " + token(rsaKeyPair(), "oidc.dana", List.of("THERAPIST")))
                .GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"title\":\"Sign-in could not be checked\"");
        assertThat(answer.body()).contains("your request was not carried out");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    }
}
