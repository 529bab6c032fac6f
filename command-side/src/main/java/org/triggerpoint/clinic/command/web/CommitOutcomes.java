package org.triggerpoint.clinic.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.triggerpoint.clinic.web.Problems;

/**
 * Tells a command whose commit was sent but never answered (the database went away meanwhile) from one that failed
 * before: the first may be stored, the second is not. Spring reports a commit that failed this way as completed with
 * an unknown status; the request that sent the command is marked, and its answer says so
 * ({@link #outcomeUnknown()}).
 */
@Component
public class CommitOutcomes implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String UNKNOWN = CommitOutcomes.class.getName() + ".unknown";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new CommitWatch(request));
        }
        return interceptorChain.proceed();
    }

    /** Whether the request's command was being committed when its database connection failed. */
    static boolean unknownFor(RequestAttributes request) {
        return Boolean.TRUE.equals(request.getAttribute(UNKNOWN, RequestAttributes.SCOPE_REQUEST));
    }

    /**
     * The answer when the database went away inside the commit itself: the commit was sent, its answer never came,
     * so the command may or may not be stored, and nothing on this side can tell which. Saying "nothing was stored"
     * would be wrong as often as not.
     */
    static ProblemDetail outcomeUnknown() {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown",
                "The clinic's database went away while this change was being committed: it may or may not be "
                        + "stored. Look at the record before sending it again.");
        problem.setProperty("outcome", "unknown");
        return problem;
    }

    private static final class CommitWatch implements TransactionSynchronization {

        private final RequestAttributes request;
        private boolean commitSent;

        private CommitWatch(RequestAttributes request) {
            this.request = request;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            commitSent = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (commitSent && status == STATUS_UNKNOWN) {
                request.setAttribute(UNKNOWN, true, RequestAttributes.SCOPE_REQUEST);
            }
        }
    }
}
