package org.triggerpoint.clinic.query.projections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.triggerpoint.clinic.query.web.InvalidQuery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before a view answers: refuses while it is being rebuilt, and with {@code X-Consistency-Token} waits (bounded)
 * until the view includes the events of the command that gave the token.
 */
@Component
public class ViewAvailability implements HandlerInterceptor {

    public static final String CONSISTENCY_TOKEN = "X-Consistency-Token";
    private static final Pattern TOKEN = Pattern.compile("v1\\.(\\d{1,18})");
    private static final long POLL_MILLIS = 5;
    private static final String ANSWERING = ViewAvailability.class.getName() + ".answering";

    private final ViewPositions positions;
    private final ViewProgress progress;
    private final Rebuilds rebuilds;
    private final Duration timeout;

    ViewAvailability(ViewPositions positions, ViewProgress progress, Rebuilds rebuilds,
                     @Value("${clinic.views.consistency-timeout:5s}") Duration timeout) {
        this.positions = positions;
        this.progress = progress;
        this.rebuilds = rebuilds;
        this.timeout = timeout;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ServedFrom servedFrom = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ServedFrom.class);
        if (servedFrom == null) {
            servedFrom = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ServedFrom.class);
        }
        if (servedFrom == null) {
            return true;
        }
        View view = servedFrom.value();
        refuseWhileRebuilding(view);
        String token = consistencyToken(request);
        if (token != null) {
            awaitPosition(view, parse(token));
        }
        Lock answering = rebuilds.answering(view);
        answering.lock();
        try {
            refuseWhileRebuilding(view);
        } catch (ViewUnavailable rebuilding) {
            answering.unlock();
            throw rebuilding;
        }
        request.setAttribute(ANSWERING, answering);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(ANSWERING) instanceof Lock answering) {
            answering.unlock();
        }
    }

    private void refuseWhileRebuilding(View view) {
        if (rebuilds.isRebuilding(view)) {
            Rebuilds.Progress progress = rebuilds.progress(view);
            throw new ViewUnavailable("The " + view.processorName() + " view is being rebuilt from the events ("
                    + progress.eventsDone() + " of " + progress.eventsTotal() + " events); try again shortly");
        }
    }

    /**
     * Looks again as soon as the view commits a batch on this node, and at least every {@value POLL_MILLIS} ms for
     * segments that other nodes process. The batch count is taken before each look, so a batch committed while
     * looking is not missed.
     */
    private void awaitPosition(View view, long position) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long batches = progress.batches(view);
        while (!positions.includes(view, position)) {
            if (System.nanoTime() > deadline) {
                throw new ViewUnavailable("The " + view.processorName() + " view does not include position "
                        + position + " yet (waited " + timeout.toMillis() + " ms); try again shortly");
            }
            progress.awaitBatchAfter(view, batches, POLL_MILLIS, TimeUnit.MILLISECONDS);
            batches = progress.batches(view);
        }
    }

    /** The header as sent; the firewall refuses a value with characters no header may hold (non-ASCII, control). */
    private static String consistencyToken(HttpServletRequest request) {
        try {
            return request.getHeader(CONSISTENCY_TOKEN);
        } catch (RequestRejectedException notAHeaderValue) {
            throw new InvalidQuery(CONSISTENCY_TOKEN, CONSISTENCY_TOKEN + " holds characters no token has");
        }
    }

    private static long parse(String token) {
        Matcher matcher = TOKEN.matcher(token.strip());
        if (!matcher.matches()) {
            throw new InvalidQuery(CONSISTENCY_TOKEN, CONSISTENCY_TOKEN + " is not a token given by the command side");
        }
        return Long.parseLong(matcher.group(1));
    }
}
