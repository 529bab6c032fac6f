package org.triggerpoint.clinic.command.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What is done only once the work of the current transaction is stored for good. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code action} once the current transaction has committed, and not at all if it rolls back; at once when
     * no transaction is active (what was written is committed already).
     */
    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
