package org.triggerpoint.clinic.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Requests to the query side sent exactly as written: {@link HttpURLConnection} adds no encoding and checks no
 * escapes, so broken percent-encoding reaches the server as an attacker would send it (java.net.http refuses it).
 */
final class RawRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("Not JSON: " + body, notJson);
            }
        }

        /** The fields a problem's {@code errors} list names. */
        List<String> namedFields() {
            return json().path("errors").findValuesAsText("field");
        }
    }

    private final int port;

    RawRequests(int port) {
        this.port = port;
    }

    /** {@code method target} as {@code username}, with headers given as name, value, name, value... */
    Answer send(String method, String target, String username, String... headers) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + target)
                    .openConnection();
            try {
                connection.setRequestMethod(method);
                String credentials = username + ":" + SignedInHttp.password(username);
                connection.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
                for (int i = 0; i < headers.length; i += 2) {
                    connection.setRequestProperty(headers[i], headers[i + 1]);
                }
                int status = connection.getResponseCode();
                InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(status, String.valueOf(connection.getContentType()), body);
            } finally {
                connection.disconnect();
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Request " + target + " failed", failed);
        }
    }
}
