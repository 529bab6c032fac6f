package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A client of the command API as a script would use it: JSON over HTTP with Basic credentials. */
final class ClinicHttp {

    static final String ADMIN_PASSWORD = "integration-admin-password-1";
    static final String PASSWORD = "integration-user-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ClinicHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        String id(String field) {
            return json().get(field).asText();
        }
    }

    record User(String name, String password) {
    }

    User admin() {
        return new User("admin", ADMIN_PASSWORD);
    }

    /** A new user with the given roles, registered by the administrator. */
    User newUser(String... roles) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = post(admin(), "/api/users", Map.of("username", name, "password", PASSWORD,
                "roles", List.of(roles)));
        if (answer.status() != 201) {
            throw new IllegalStateException("could not register a user: " + answer);
        }
        return new User(name, PASSWORD);
    }

    String newTherapist() {
        return post(admin(), "/api/therapists", Map.of("displayName", "Dana Whitfield",
                "licenseNumber", "RMT-" + UUID.randomUUID())).id("therapistId");
    }

    String newClient(User therapist) {
        Answer answer = post(therapist, "/api/clients", Map.of("givenName", "Avery", "familyName", "Quinlan",
                "dateOfBirth", "1984-03-12", "email", "avery@example.org", "phone", "+1 555 0100",
                "consentToTreatment", true, "consentToDataProcessing", true));
        if (answer.status() != 201) {
            throw new IllegalStateException("could not register a client: " + answer);
        }
        return answer.id("clientId");
    }

    /** A started session with its assessment recorded. */
    String newAssessedSession(User therapist, String clientId, String therapistId) {
        String sessionId = post(therapist, "/api/sessions", Map.of("clientId", clientId, "therapistId", therapistId))
                .id("sessionId");
        Answer assessed = post(therapist, "/api/sessions/" + sessionId + "/assessment", Map.of("painScore", 7,
                "painPattern", "Ache from neck to temple", "posture", "Forward head",
                "movementRestrictions", List.of("Cervical rotation left limited")));
        if (assessed.status() != 204) {
            throw new IllegalStateException("could not assess: " + assessed);
        }
        return sessionId;
    }

    Answer post(User user, String path, Object body) {
        try {
            return raw(user, "POST", path, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer put(User user, String path, Object body) {
        try {
            return raw(user, "PUT", path, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(User user, String path) {
        return send(request(user, path).GET().build());
    }

    Answer raw(User user, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = request(user, path)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A body sent in chunks, without a Content-Length up front. */
    Answer chunked(User user, String path, byte[] body) {
        HttpRequest request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        return send(request);
    }

    private HttpRequest.Builder request(User user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            String credentials = user.name() + ":" + user.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
