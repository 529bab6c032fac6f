package org.triggerpoint.clinic.query.audit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeldBackAnswerTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final HeldBackAnswer answer = new HeldBackAnswer(response);

    @Test
    void aBodyWrittenWhileHeldReachesTheResponseOnlyWhenSent() throws IOException {
        answer.setStatus(404);
        answer.getOutputStream().write(bytes("{\"title\":\"Unknown record\"}"));

        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getStatus()).as("status and headers pass through at once").isEqualTo(404);

        answer.sendWhatWasHeld();

        assertThat(response.getContentAsString()).isEqualTo("{\"title\":\"Unknown record\"}");
        assertThat(response.getContentLength()).isEqualTo(26);
    }

    @Test
    void aReleasedAnswerGoesOutAsItIsWritten() throws IOException {
        answer.release();
        answer.getOutputStream().write(bytes("{\"clientId\":"));

        assertThat(response.getContentAsString()).isEqualTo("{\"clientId\":");

        answer.getOutputStream().write(bytes("null}"));
        answer.sendWhatWasHeld();

        assertThat(response.getContentAsString()).isEqualTo("{\"clientId\":null}");
    }

    @Test
    void anAnswerWhoseBodyWasBegunWhileHeldStaysHeldWhole() throws IOException {
        answer.getWriter().write("[1,");
        answer.release();
        answer.getWriter().write("2]");

        assertThat(response.getContentAsByteArray()).as("no byte after the release may pass one held before it")
                .isEmpty();

        answer.sendWhatWasHeld();

        assertThat(response.getContentAsString()).isEqualTo("[1,2]");
    }

    @Test
    void aDroppedAnswerLeavesNothingOfItselfInTheResponse() throws IOException {
        answer.setStatus(200);
        answer.setHeader("Content-Type", "application/json");
        answer.getOutputStream().write(bytes("{\"givenName\":\"Wilhelmina\"}"));

        answer.drop();
        answer.sendWhatWasHeld();

        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader("Content-Type")).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
