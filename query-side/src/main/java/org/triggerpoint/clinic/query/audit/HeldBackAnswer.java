package org.triggerpoint.clinic.query.audit;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * An answer whose body is held in memory until it is released, and from then on goes out as it is written. Status
 * and headers reach the response as they are set, as in Spring's {@link ContentCachingResponseWrapper}, which holds
 * the body. Only an answer none of whose body has been asked for can be released, so no byte written while it was
 * held can follow one written after.
 */
final class HeldBackAnswer extends HttpServletResponseWrapper {

    private final HttpServletResponse response;
    private final ContentCachingResponseWrapper held;
    private boolean bodyBegun;

    HeldBackAnswer(HttpServletResponse response) {
        this(response, new ContentCachingResponseWrapper(response));
    }

    private HeldBackAnswer(HttpServletResponse response, ContentCachingResponseWrapper held) {
        super(held);
        this.response = response;
        this.held = held;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        bodyBegun = bodyBegun || getResponse() == held;
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        bodyBegun = bodyBegun || getResponse() == held;
        return super.getWriter();
    }

    /** Lets the body go out as it is written from now on, unless some of it may already be held. */
    void release() {
        if (!bodyBegun) {
            setResponse(response);
        }
    }

    /** Sends the body held until now (all of it, as it was never released), or nothing if it was released. */
    void sendWhatWasHeld() throws IOException {
        held.copyBodyToResponse();
    }

    /** Drops the held answer, body, status and headers, so that another can be written in its place. */
    void drop() {
        held.reset();
    }
}
