package org.triggerpoint.clinic.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to a request that Tomcat refuses itself, before any filter or controller of the application sees it: a
 * path that is not UTF-8 or holds a broken escape or a character no URL may hold, a malformed header. Tomcat's own
 * error report is an HTML page; the clinic's contract is that every error is {@code application/problem+json}. This
 * report writes the same status as a problem instead. It only writes where nothing else has: an answer the
 * application wrote (every refusal it makes itself) is left as it is.
 */
public final class TomcatRefusalsAsProblems extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Puts this report in the place of Tomcat's (and Spring Boot's) on {@code host}. */
    static void replaceTomcatsReportOn(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new TomcatRefusalsAsProblems());
        // Tomcat adds a report of this class at start-up unless the host already has one.
        ((StandardHost) host).setErrorReportValveClass(TomcatRefusalsAsProblems.class.getName());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(status, request.getContext() != null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException cannotWrite) {
            // The connection is gone or the answer already begun: nothing more can be said to the caller.
        }
    }

    /**
     * A request Tomcat refused before mapping it to the application has no context: it was not read. Otherwise the
     * application ended it with an error status and no answer of its own, which none of its refusals does.
     */
    private static Map<String, Object> problem(int status, boolean reachedTheApplication) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "Refused" : known.getReasonPhrase());
        problem.put("status", status);
        if (reachedTheApplication) {
            problem.put("detail", "The request could not be answered");
        } else if (status == HttpStatus.BAD_REQUEST.value()) {
            problem.put("detail", "The request is not well-formed HTTP (e.g. its path is not valid UTF-8, holds a "
                    + "broken escape or a character no URL may hold, or a header is malformed), so it was refused "
                    + "before it was read");
        } else {
            problem.put("detail", "The request was refused before it was read");
        }
        return problem;
    }
}
