package org.triggerpoint.clinic.query.outcomes;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.projections.ViewPositions;

import java.util.Optional;

/**
 * Whether the rollups wait for a rebuild of the view to be through. Brought up to date batch by batch, the rollups
 * cost two statements for every signed session's groups, as a rebuild's batches are too small for many sessions to
 * share a group and month (a quarter of the database's work in a rebuild); so while the view is rebuilt, its batches
 * store the sessions only, and the batch that reaches the rebuild's target counts every signed session into the
 * rollups at once, in its own transaction, before the view is served again.
 * <p>
 * The wait is a row of {@code query.outcome_rollups_waiting}, written in the transaction that resets the view and
 * deleted by the batch that counts. A batch that waits holds the row (a share lock) until it commits, and the batch
 * that counts must delete it first, so no session stored by a batch still under way is left out of the count,
 * whichever segment stores it; after the count, every batch brings the rollups up to date by its own changes.
 */
@Repository
class RollupsAfterRebuild {

    /** How a batch brings the rollups up to date. */
    enum Update {
        /** By the changes of its sessions: no rebuild under way. */
        BY_CHANGES,
        /** Not yet: a rebuild is under way and more of it follows this batch. */
        LATER,
        /** Every signed session counted at once: this batch is the last of a rebuild. */
        FROM_ALL_SESSIONS
    }

    private final JdbcClient jdbc;
    /**
     * Whether the rollups may wait; once a batch has seen that they do not, no batch asks again until a rebuild
     * begins in this process (a rebuild only begins with no other query-side node running).
     */
    private volatile boolean mayWait = true;

    RollupsAfterRebuild(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The view is being rebuilt: from now on its rollups wait. Runs in the transaction that resets the view. */
    void waitForRebuild() {
        jdbc.sql("insert into query.outcome_rollups_waiting default values on conflict do nothing").update();
        mayWait = true;
    }

    /**
     * How the batch that leaves the view's token at {@code after} brings the rollups up to date, in its transaction.
     * The batch is the last of the rebuild if its token has read the rebuild's target (where the store stood when the
     * rebuild began, in {@code query.view_rebuild}), which is what tells the view rebuilt ({@link ViewPositions}); a
     * rebuild no longer there is over, and the view's next batch counts them.
     */
    Update forBatchReaching(TrackingToken after) {
        if (!mayWait) {
            return Update.BY_CHANGES;
        }
        Optional<Long> target = jdbc.sql("""
                        select coalesce(rebuild.target_position, -1)
                        from query.outcome_rollups_waiting
                        left join query.view_rebuild rebuild on rebuild.view_name = ?""")
                .param(View.OUTCOMES.processorName())
                .query(Long.class)
                .optional();
        if (target.isEmpty()) {
            mayWait = false;
            return Update.BY_CHANGES;
        }
        if (target.get() < 0 || ViewPositions.hasRead(after, target.get())) {
            boolean countedHere = jdbc.sql("delete from query.outcome_rollups_waiting").update() == 1;
            return countedHere ? Update.FROM_ALL_SESSIONS : Update.BY_CHANGES;
        }
        boolean stillWaiting = jdbc.sql("select true from query.outcome_rollups_waiting for share")
                .query(Boolean.class)
                .optional()
                .isPresent();
        return stillWaiting ? Update.LATER : Update.BY_CHANGES;
    }
}
