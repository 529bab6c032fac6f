package org.triggerpoint.clinic.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to a request that Tomcat refuses itself, before any filter or controller of the application sees it: a
 * path that is not UTF-8 or holds a broken escape or a character no URL may hold, a malformed header. Tomcat's own
 * error report is an HTML page; the clinic's contract is that every error is {@code application/problem+json}. This
 * report writes the same status as a problem instead, with {@link Problems} as the application's own refusals are. It
 * only writes where nothing else has: an answer the application wrote (every refusal it makes itself) is left as it
 * is.
 */
public final class TomcatRefusalsAsProblems extends ErrorReportValve {

    private final Problems problems;

    private TomcatRefusalsAsProblems(Problems problems) {
        this.problems = problems;
    }

    /**
     * Puts this report, writing with {@code problems}, in the place of Tomcat's (and Spring Boot's) on {@code host}.
     * Naming its class as the host's report keeps Tomcat from adding one of its own at start-up: it adds one only when
     * the host has none of that class.
     */
    static void replaceTomcatsReportOn(Host host, Problems problems) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new TomcatRefusalsAsProblems(problems));
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
            problems.write(request, response, problem(status, request.getContext() != null));
            response.finishResponse();
        } catch (IOException | IllegalStateException cannotWrite) {
            // The connection is gone or the answer already begun: nothing more can be said to the caller.
        }
    }

    /**
     * A request Tomcat refused before mapping it to the application has no context: it was not read. Otherwise the
     * application ended it with an error status and no answer of its own, which none of its refusals does.
     */
    private static ProblemDetail problem(int status, boolean reachedTheApplication) {
        String detail;
        if (reachedTheApplication) {
            detail = "The request could not be answered";
        } else if (status == HttpStatus.BAD_REQUEST.value()) {
            detail = "The request is not well-formed HTTP (e.g. its path is not valid UTF-8, holds a broken escape or "
                    + "a character no URL may hold, or a header is malformed), so it was refused before it was read";
        } else {
            detail = "The request was refused before it was read";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return Problems.problem(HttpStatusCode.valueOf(status), known == null ? "Refused" : known.getReasonPhrase(),
                detail);
    }
}
