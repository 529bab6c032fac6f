package org.triggerpoint.clinic.query.config;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + closedPort + "/.well-known/jwks.json");
    }

    @Test
    void aTokenThatCannotBeCheckedIsTheClinicsFault() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/reference/muscles"))
                .header("Authorization", "Bearer " + therapistsToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"title\":\"Sign-in could not be checked\"");
        assertThat(answer.body()).contains("your request was not carried out");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private static String therapistsToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("subject-of-oidc.dana")
                .claim("preferred_username", "oidc.dana")
                .claim("roles", List.of("THERAPIST"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }
}
