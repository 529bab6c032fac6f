package org.triggerpoint.clinic.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** JSON over HTTP with Basic credentials, as a script would talk to either process. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);
    private final HttpClient client = HttpClient.newHttpClient();

    record Answer(int status, HttpResponse<String> response) {

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer post(String url, String user, String password, Object body) {
        return post(url, user, password, body, Map.of());
    }

    /** As above, with headers of its own, such as the {@code X-Request-Id} that the command's events will carry. */
    Answer post(String url, String user, String password, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(url, user, password)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String url, String user, String password, String consistencyToken) {
        HttpRequest.Builder request = request(url, user, password).GET();
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        return send(request);
    }

    private static HttpRequest.Builder request(String url, String user, String password) {
        // Bounded, so that a process that hangs fails the test instead of stalling the build.
        return HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_WITHIN).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
