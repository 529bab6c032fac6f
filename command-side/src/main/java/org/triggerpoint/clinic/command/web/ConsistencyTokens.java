package org.triggerpoint.clinic.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.AppendedPositions;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code X-Consistency-Token} of a successful command: the global position in the event store of the last event
 * of the aggregate it acted on. The query side answers a request bearing it once its views include that position.
 * The form ({@code v1.<position>}) is opaque to clients.
 * <p>
 * The position is the one PostgreSQL answered when the command's events were appended ({@link AppendedPositions});
 * for a command that appended nothing to the record, it is read from the store, in the command's own transaction.
 * Either way it is known before the commit. Read after it instead, a database that went away in between would leave
 * a command stored but answered 503; this way a command either answers with its token or, if the database fails, has
 * stored nothing.
 */
@Component
public class ConsistencyTokens implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String HEADER = "X-Consistency-Token";
    /** Command metadata naming the record whose token the sender wants; never copied onto events. */
    static final String TOKEN_FOR = "consistencyTokenFor";
    private static final String VERSION = "v1.";

    private final JdbcClient jdbc;

    ConsistencyTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a command sent for its token answers instead of its handler's result: the token, once it commits. */
    static final class Pending {

        private volatile String token;

        String token() {
            if (token == null) {
                throw new IllegalStateException("The command has not committed");
            }
            return token;
        }
    }

    /** The command as sent for {@code aggregateId}'s token: its gateway result will be a {@link Pending}. */
    static CommandMessage<?> askingForToken(CommandMessage<?> command, Object aggregateId) {
        return command.andMetaData(Map.of(TOKEN_FOR, aggregateId.toString()));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object aggregateId = unitOfWork.getMessage().getMetaData().get(TOKEN_FOR);
        Object result = interceptorChain.proceed();
        if (aggregateId == null) {
            return result;
        }
        // Registered after the handler ran, so it runs after the events it applied are appended, in its transaction.
        Pending pending = new Pending();
        unitOfWork.onPrepareCommit(work -> pending.token = tokenOf(work, aggregateId));
        return pending;
    }

    private String tokenOf(UnitOfWork<?> work, Object aggregateId) {
        OptionalLong appended = AppendedPositions.lastOf(work, aggregateId.toString());
        return appended.isPresent() ? VERSION + appended.getAsLong() : positionOf(aggregateId);
    }

    /** The token of {@code aggregateId} as the current transaction sees it: call it before that commits. */
    public String positionOf(Object aggregateId) {
        Long position = jdbc.sql("""
                        select max(global_index) from events.domain_event_entry where aggregate_identifier = ?""")
                .param(aggregateId.toString())
                .query(Long.class)
                .optional()
                .orElse(null);
        return VERSION + (position == null ? 0 : position);
    }
}
