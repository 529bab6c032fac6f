package org.triggerpoint.clinic.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Tells a command whose commit was sent but never answered (the database went away meanwhile) from one that failed
 * before: the first may be stored, the second is not. Spring reports a commit that failed this way as completed with
 * an unknown status; the request that sent the command is marked, and its answer says so
 * ({@link DatabaseOutage#outcomeUnknown()}).
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
