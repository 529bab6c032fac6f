package org.triggerpoint.clinic.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The read log (query.read_log): every read of client records, and every refused attempt at one. */
@Repository
class ReadLog {

    enum Outcome { SERVED, DENIED, NOT_FOUND }

    record Read(Instant readAt, String actor, String actorRoles, UUID clientId, String endpoint, Outcome outcome,
                String requestId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ReadLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Committed when this returns, in a transaction of its own, so nothing the caller does afterwards can undo it.
     * The row's id and its link in the chain are set by the table's trigger.
     */
    void record(Read read) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into query.read_log (read_at, actor, actor_roles, client_id, endpoint, outcome,
                                                    request_id)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(read.readAt()), read.actor(), read.actorRoles(), read.clientId(),
                        read.endpoint(), read.outcome().name(), read.requestId())
                .update());
    }
}
