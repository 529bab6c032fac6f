package org.triggerpoint.clinic.benchmark;

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
import java.util.concurrent.Executors;

/** JSON over HTTP/1.1 with Basic credentials, as a real client talks to either process. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Both processes' Tomcat closes a connection left idle for 60 s (its default keep-alive timeout), while the
        // JDK's client keeps an idle connection for 20 minutes: after a pause of about a minute (the raw baseline's,
        // at --seconds-per-level=20), a command sent on a connection as Tomcat closed it failed with no answer at all.
        // Read once, when the first client is built.
        System.setProperty("jdk.httpclient.keepalive.timeout", "30");
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    /**
     * An answer with its body as received. The body is decoded only when asked for, so a timed read measures the
     * server and the transfer, not this client turning 200 kB into text.
     */
    record Answer(int status, byte[] bodyBytes, String consistencyToken) {

        String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bodyBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(body(), e);
            }
        }

        String text(String field) {
            return json().get(field).asText();
        }

        long position() {
            return Long.parseLong(consistencyToken.substring(consistencyToken.indexOf('.') + 1));
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String url, String authorization, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String url, String authorization, String consistencyToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).GET();
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        return send(request);
    }

    boolean healthy(String baseUrl) {
        try {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("X-Consistency-Token").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails with the answer when its status is not one of those expected. */
    static Answer expect(Answer answer, String what, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
    }
}
