package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Requests to the query side over HTTP as a clinic user of each role. The users are rows of identity.user_account, as
 * the command side keeps them; each has the password {@code <username>-password-2026}.
 */
final class SignedInRequests {

    static final String THERAPIST = ClientStory.THERAPIST;
    static final String AUDITOR = "audrey";
    static final String ANALYST = "anil";
    static final String ADMIN = "ada";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    SignedInRequests(int port, JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.port = port;
        addUser(jdbc, passwordEncoder, THERAPIST, "THERAPIST");
        addUser(jdbc, passwordEncoder, AUDITOR, "AUDITOR");
        addUser(jdbc, passwordEncoder, ANALYST, "ANALYST");
        addUser(jdbc, passwordEncoder, ADMIN, "ADMIN");
    }

    /** GET as {@code username} (null: not signed in), waiting for {@code consistencyToken}'s events when given. */
    HttpResponse<String> get(String path, String username, String consistencyToken) {
        HttpRequest.Builder request = request(path, username);
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        return send(request.GET());
    }

    /** As {@link #get(String, String, String)}, asking for the media type {@code accept}. */
    HttpResponse<String> get(String path, String username, String consistencyToken, String accept) {
        HttpRequest.Builder request = request(path, username).header("Accept", accept);
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        return send(request.GET());
    }

    HttpResponse<String> post(String path, String username) {
        return send(request(path, username).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException failure) {
            throw new AssertionError("Not JSON: " + response.body(), failure);
        }
    }

    private HttpRequest.Builder request(String path, String username) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (username != null) {
            String credentials = username + ":" + password(username);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("The query side did not answer", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", interrupted);
        }
    }

    private static String password(String username) {
        return username + "-password-2026";
    }

    /** Test classes share a Spring context (and its database), so a user may exist already. */
    private static void addUser(JdbcClient jdbc, PasswordEncoder passwordEncoder, String username, String role) {
        boolean exists = jdbc.sql("select count(*) from identity.user_account where username = ?")
                .param(username).query(Long.class).single() > 0;
        if (!exists) {
            jdbc.sql("insert into identity.user_account (username, password_hash, roles, active) "
                            + "values (?, ?, ?::text[], true)")
                    .param(username)
                    .param(passwordEncoder.encode(password(username)))
                    .param("{" + role + "}")
                    .update();
        }
    }
}
