package org.triggerpoint.clinic.query.outcomes;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.localpostgres.TestDatabase;
import org.triggerpoint.clinic.query.outcomes.RollupsAfterRebuild.Update;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While the outcomes view is rebuilt its rollups wait, and the batch that reads the rebuild's target counts every
 * session into them, once; before and after, each batch brings them up to date by its own changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupsAfterRebuildIT {

    private TestDatabase database;
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private RollupsAfterRebuild rollups;

    @BeforeAll
    void createTheViewsTables() {
        database = TestDatabase.create();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query")
                .locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void noRebuildUnderWay() {
        jdbc.sql("truncate query.outcome_rollups_waiting, query.view_rebuild").update();
        rollups = new RollupsAfterRebuild(jdbc);
    }

    @AfterAll
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void withNoRebuildUnderWayEveryBatchBringsTheRollupsUpToDateByItsChanges() {
        assertThat(batchReaching(token(10))).isEqualTo(Update.BY_CHANGES);
        assertThat(batchReaching(token(11))).isEqualTo(Update.BY_CHANGES);
    }

    @Test
    void theRebuildsBatchesBeforeItsTargetLeaveTheRollupsForLater() {
        rebuildUpTo(100);

        assertThat(batchReaching(token(99))).isEqualTo(Update.LATER);
        assertThat(batchReaching(token(120, 100L))).as("the target is a gap the token has not read yet")
                .isEqualTo(Update.LATER);
    }

    @Test
    void theBatchThatReadsTheTargetCountsEverySessionOnceAndThoseAfterItGoByTheirChanges() {
        rebuildUpTo(100);

        assertThat(batchReaching(token(104))).isEqualTo(Update.FROM_ALL_SESSIONS);
        assertThat(batchReaching(token(105))).isEqualTo(Update.BY_CHANGES);
        assertThat(jdbc.sql("select count(*) from query.outcome_rollups_waiting").query(Long.class).single())
                .isZero();
    }

    @Test
    void aRebuildAlreadyOverLeavesTheCountToTheViewsNextBatch() {
        transaction.executeWithoutResult(status -> rollups.waitForRebuild()); // an empty store: over at once

        assertThat(batchReaching(token(1))).isEqualTo(Update.FROM_ALL_SESSIONS);
        assertThat(batchReaching(token(2))).isEqualTo(Update.BY_CHANGES);
    }

    @Test
    void aRebuildBeginningAfterBatchesWentByTheirChangesMakesTheRollupsWaitAgain() {
        assertThat(batchReaching(token(10))).isEqualTo(Update.BY_CHANGES);

        rebuildUpTo(100);

        assertThat(batchReaching(token(50))).isEqualTo(Update.LATER);
    }

    /** Another segment's batch still under way has stored sessions the count must include, once it commits. */
    @Test
    void theCountWaitsForEveryBatchThatLeftTheRollupsForLaterToCommit() throws Exception {
        rebuildUpTo(100);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService segments = Executors.newFixedThreadPool(2);
        try {
            Future<Update> before = segments.submit(() -> transaction.execute(status -> {
                Update update = rollups.forBatchReaching(token(60));
                waiting.countDown();
                await(commit);
                return update;
            }));
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

            Future<Update> last = segments.submit(() -> batchReaching(token(100)));

            assertThatThrownBy(() -> last.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            commit.countDown();
            assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(Update.LATER);
            assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(Update.FROM_ALL_SESSIONS);
        } finally {
            commit.countDown();
            segments.shutdownNow();
        }
    }

    /** As Rebuilds does: the view reset, its rollups waiting, and the rebuild's target, in one transaction. */
    private void rebuildUpTo(long target) {
        transaction.executeWithoutResult(status -> {
            rollups.waitForRebuild();
            jdbc.sql("insert into query.view_rebuild (view_name, target_position, started_at) values (?, ?, now())")
                    .params("outcomes", target)
                    .update();
        });
    }

    private Update batchReaching(TrackingToken after) {
        return transaction.execute(status -> rollups.forBatchReaching(after));
    }

    private static TrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
