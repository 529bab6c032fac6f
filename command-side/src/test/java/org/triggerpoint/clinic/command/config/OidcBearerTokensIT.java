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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.web.TestIdentityProvider.rsaKeyPair;
import static org.triggerpoint.clinic.web.TestIdentityProvider.token;

/** With a provider's key configured, bearer tokens sign users in beside HTTP Basic, with the roles they carry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinic.admin-password=oidc-admin-password-1", "clinic.retention.schedule=-"})
@ContextConfiguration(initializers = ThrowAwayDatabase.class)
class OidcBearerTokensIT {

    private static final KeyPair PROVIDER = rsaKeyPair();
    private static final KeyPair SOMEONE_ELSE = rsaKeyPair();
    private static final String CLIENT = """
            {"givenName":"Avery","familyName":"Quinlan","dateOfBirth":"1984-03-12",
             "consentToTreatment":true,"consentToDataProcessing":true}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void providersPublicKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("oidc-provider", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aTherapistsTokenRecordsAsThatTherapist() throws Exception {
        HttpResponse<String> registered = registerClient(token(PROVIDER, "oidc.dana", List.of("THERAPIST")));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String clientId = registered.body().replaceAll(".*\"clientId\":\"([^\"]+)\".*", "$1");
        String metaData = jdbc.sql("""
                        select meta_data from events.domain_event_entry
                        where aggregate_identifier = ? and sequence_number = 0""")
                .param(clientId).query(String.class).single();
        assertThat(metaData).contains("\"actor\":\"oidc.dana\"", "\"actorRoles\":\"THERAPIST\"");
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() throws Exception {
        assertThat(registerClient(token(PROVIDER, "oidc.ana", List.of("ANALYST"))).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        HttpResponse<String> refused = registerClient(token(SOMEONE_ELSE, "oidc.mallory", List.of("THERAPIST")));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theClinicsOwnUsersStillSignInWithTheirPasswords() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/v3/api-docs"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:oidc-admin-password-1".getBytes())).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> registerClient(String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/clients"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CLIENT)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
