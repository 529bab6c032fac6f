package org.triggerpoint.clinic.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not well-formed HTTP are refused by Tomcat itself, before any filter of the application reads
 * them. They are answered as every other error is, {@code application/problem+json} 400, not with Tomcat's HTML page;
 * and nothing is stored. Sent byte for byte over a socket: no HTTP client of Java sends such requests.
 */
@CommandSideIntegrationTest
class MalformedRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp.User therapist;

    @BeforeEach
    void aTherapist() {
        therapist = new ClinicHttp(port).newUser("THERAPIST");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/clients/%zz/intake HTTP/1.1",            // a broken escape
            "GET /api/clients/%ED%A0%80/intake HTTP/1.1",      // an escape that is not UTF-8
            "GET /api/clients/\u0085/intake HTTP/1.1",         // a raw byte above ASCII, a control character in Latin-1
            "GET /api/clients/[x]/intake HTTP/1.1",            // a character no URL may hold
            "POST /api/clients/a%2/intake HTTP/1.1"})          // an escape cut short
    void aMalformedRequestIsAnsweredAsAProblemAndStoresNothing(String requestLine) throws IOException {
        long eventsBefore = storedEvents();

        String answer = send(requestLine);

        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        assertThat(head).as(answer).startsWith("HTTP/1.1 400");
        assertThat(head.toLowerCase()).as(answer).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asText()).contains("not well-formed HTTP");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    /** {@code requestLine} as ISO-8859-1 bytes, signed in as the therapist, body {@code {}}; the whole answer. */
    private String send(String requestLine) throws IOException {
        String credentials = Base64.getEncoder().encodeToString(
                (therapist.name() + ":" + therapist.password()).getBytes(StandardCharsets.UTF_8));
        String request = requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from events.domain_event_entry").query(Long.class).single();
    }
}
