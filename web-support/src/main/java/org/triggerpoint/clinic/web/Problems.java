package org.triggerpoint.clinic.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Problem responses (RFC 9457) written outside Spring MVC's exception handlers: by the security entry points, the
 * firewall and the filters, which answer before (or instead of) a controller.
 */
public final class Problems {

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        instance(request).ifPresent(problem::setInstance);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The path as sent, when it is a valid URI: a hostile path must not turn the refusal into a failure. A request
     * whose request line Tomcat could not parse has no path at all.
     */
    private static Optional<URI> instance(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(path));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }
}
