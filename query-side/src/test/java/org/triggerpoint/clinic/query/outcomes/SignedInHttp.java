package org.triggerpoint.clinic.query.outcomes;

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

/** HTTP calls to the query side as one of the clinic's users, who are created in its user table as the command side would. */
public final class SignedInHttp {

    public record Answer(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("Not JSON: " + body, notJson);
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public SignedInHttp(int port) {
        this.port = port;
    }

    public static void createUser(JdbcClient jdbc, PasswordEncoder encoder, String username, String role) {
        jdbc.sql("""
                        insert into identity.user_account (username, password_hash, roles, active)
                        values (?, ?, ?::text[], true)""")
                .params(username, encoder.encode(password(username)), "{" + role + "}")
                .update();
    }

    public static String password(String username) {
        return username + "-password-2026";
    }

    /** A GET as {@code username} (null: not signed in), with headers given as name, value, name, value... */
    public Answer get(String path, String username, String... headers) {
        return send(request(path, username, headers).GET().build());
    }

    public Answer post(String path, String username) {
        return send(request(path, username).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path, String username, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (username != null) {
            String credentials = username + ":" + password(username);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError("Request " + request.uri() + " failed", failed);
        }
    }
}
