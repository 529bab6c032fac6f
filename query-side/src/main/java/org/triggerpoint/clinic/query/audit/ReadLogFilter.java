package org.triggerpoint.clinic.query.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.triggerpoint.clinic.web.Problems;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records every read of client records in the read log before any of it leaves: the answer (record, refusal or
 * "unknown") is held back until its read-log row has committed ({@link PendingRead}). If the row cannot be written
 * the answer is dropped and the caller gets a 503 instead, so no record is ever read without a trace. Runs inside
 * the security filter chain, after sign-in and before the authorization check, so it knows the caller and sees
 * refusals (403) too.
 * Unauthenticated calls (401) name nobody and are not recorded; nor are answers that serve nothing for another
 * reason (400 for a malformed query, 503 while a view is rebuilt).
 */
@Component
public class ReadLogFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger log = LoggerFactory.getLogger(ReadLogFilter.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    private final ReadLog readLog;
    private final Clock clock;
    private final Problems problems;
    /** Reads refused because their row could not be written: each is a 503 to a clinician, worth an alert. */
    private final Counter unrecorded;

    ReadLogFilter(ReadLog readLog, Clock clock, Problems problems, MeterRegistry metrics) {
        this.readLog = readLog;
        this.clock = clock;
        this.problems = problems;
        this.unrecorded = Counter.builder("clinic.readlog.unrecorded")
                .description("Reads of client records answered 503 because the read log could not be written")
                .register(metrics);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RecordRead> read = RecordRead.of(request);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (read.isEmpty() || !SIGNED_IN.isAuthenticated(caller)) {
            chain.doFilter(request, response);
            return;
        }
        String requestId = requestId(request);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        PendingRead pending = new PendingRead(read.get(), caller, requestId, new HeldBackAnswer(response));
        request.setAttribute(PendingRead.ATTRIBUTE, pending);
        chain.doFilter(request, pending.answer);
        pending.recordOnce();
        if (pending.state == PendingRead.State.NOT_RECORDED) {
            pending.answer.drop();
            notRecorded(request, response, requestId);
            return;
        }
        pending.answer.sendWhatWasHeld();
    }

    /**
     * A read whose answer is held back until its read-log row has committed. The row is written once: as the answer's
     * body is about to be written ({@link RecordReadBeforeAnswer}), so that a long answer (a history) goes out as it
     * is written instead of being held whole in memory; or, for an answer written any other way (a refusal by the
     * security chain), once the answer is complete. Either way no byte leaves before the row has committed.
     */
    final class PendingRead {

        static final String ATTRIBUTE = PendingRead.class.getName();

        enum State { PENDING, RECORDED, NOT_RECORDED }

        private final RecordRead read;
        private final Authentication caller;
        private final String requestId;
        private final HeldBackAnswer answer;
        private State state = State.PENDING;

        private PendingRead(RecordRead read, Authentication caller, String requestId, HeldBackAnswer answer) {
            this.read = read;
            this.caller = caller;
            this.requestId = requestId;
            this.answer = answer;
        }

        /** Records the read as the answer's status makes it, unless it was; a status that serves nothing is not. */
        void recordOnce() {
            if (state != State.PENDING) {
                return;
            }
            Optional<ReadLog.Outcome> outcome = outcome(answer.getStatus());
            if (outcome.isEmpty()) {
                return;
            }
            try {
                readLog.record(new ReadLog.Read(clock.instant(), caller.getName(), roles(caller), read.clientId(),
                        read.endpoint(), outcome.get(), requestId));
                state = State.RECORDED;
            } catch (RuntimeException notRecorded) {
                log.warn("Read {} by {} not recorded in the read log, so not answered: {}", read.endpoint(),
                        caller.getName(), notRecorded.toString());
                unrecorded.increment();
                state = State.NOT_RECORDED;
            }
        }

        /** Records the read before its body is written and, once it is recorded, lets the body go out as written. */
        void recordBeforeBody() {
            recordOnce();
            if (state == State.RECORDED) {
                answer.release();
            }
        }
    }

    private static Optional<ReadLog.Outcome> outcome(int status) {
        return switch (status) {
            case 200 -> Optional.of(ReadLog.Outcome.SERVED);
            case 403 -> Optional.of(ReadLog.Outcome.DENIED);
            case 404 -> Optional.of(ReadLog.Outcome.NOT_FOUND);
            default -> Optional.empty();
        };
    }

    private void notRecorded(HttpServletRequest request, HttpServletResponse response, String requestId)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(REQUEST_ID_HEADER, requestId);
        problems.write(request, response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Read log unavailable",
                "Every read of a client's record is recorded first, and the read log cannot be written right now. "
                        + "Try again shortly."));
    }

    /** Roles as the command side writes them into event metadata, so changes and reads name them alike. */
    private static String roles(Authentication caller) {
        return String.join(",", caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^ROLE_", ""))
                .sorted()
                .toList());
    }

    /** The caller's own request id when it is a safe token (it is written into the log), else a new one. */
    private static String requestId(HttpServletRequest request) {
        String given = request.getHeader(REQUEST_ID_HEADER);
        return given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
