package org.triggerpoint.clinic.query.outcomes;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionRecordEvent;
import org.triggerpoint.clinic.query.outcomes.OutcomeSessions.Intake;
import org.triggerpoint.clinic.query.outcomes.OutcomeSessions.Stored;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The sessions and intakes one batch of events reads and changes, and the rollup changes that follow: each client's
 * sessions read from the view once, changed in memory as the batch's events arrive, and written back together with
 * the rollups just before the batch commits (see {@code BatchScope}); while the view is rebuilt, the rollups wait for
 * the rebuild's last batch ({@link RollupsAfterRebuild}).
 * <p>
 * A client's sessions are read whole, not only those the batch changes: the months the client had in each group
 * before the batch follow from them, and the distinct-client counts ({@link RollupChanges#visits}) need those.
 */
final class OutcomeBatch {

    private static final Logger log = LoggerFactory.getLogger(OutcomeBatch.class);
    /** Signed sessions held in memory at once while the rollups are counted afresh as a rebuild ends. */
    private static final int SESSIONS_READ_AT_ONCE = 2_000;

    private final OutcomeSessions sessions;
    private final OutcomeRollups rollups;
    private final RollupsAfterRebuild afterRebuild;
    /** The view's token once this batch commits. */
    private final TrackingToken tokenAfter;
    /** The sessions of each client read so far, as the view held them when the batch began. */
    private final Map<UUID, List<SessionOutcome>> storedSessionsOfClient = new HashMap<>();
    /** Every session read or started in the batch, as it stands now. */
    private final Map<UUID, Stored> current = new HashMap<>();
    private final Map<UUID, Stored> started = new LinkedHashMap<>();
    private final Map<UUID, Stored> changed = new LinkedHashMap<>();
    private final Map<UUID, Intake> intakes = new LinkedHashMap<>();
    /** Clients' conditions as the view held them when the batch began. */
    private final Map<UUID, Set<PresentingCondition>> storedConditions = new HashMap<>();
    private final RollupChanges rollupChanges = new RollupChanges();

    OutcomeBatch(OutcomeSessions sessions, OutcomeRollups rollups, RollupsAfterRebuild afterRebuild,
                 TrackingToken tokenAfter) {
        this.sessions = sessions;
        this.rollups = rollups;
        this.afterRebuild = afterRebuild;
        this.tokenAfter = tokenAfter;
    }

    /**
     * Reads the sessions of every client whose session the batch's {@code events} touch, and the intake conditions of
     * every client whose session they complete, two queries in all, rather than one query for each as its first
     * event arrives.
     */
    void readAhead(List<EventMessage<?>> events) {
        Set<UUID> clients = new HashSet<>();
        Set<UUID> completingClients = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof SessionRecordEvent session) {
                clients.add(session.clientId().value());
            }
            if (event.getPayload() instanceof SessionCompleted completed) {
                completingClients.add(completed.clientId().value());
            }
        }
        readSessionsOf(clients);
        if (!completingClients.isEmpty()) {
            storedConditions.putAll(sessions.conditionsOfAll(completingClients));
        }
    }

    private void readSessionsOf(Collection<UUID> clientIds) {
        Set<UUID> unread = new HashSet<>(clientIds);
        unread.removeAll(storedSessionsOfClient.keySet());
        if (unread.isEmpty()) {
            return;
        }
        unread.forEach(clientId -> storedSessionsOfClient.put(clientId, new ArrayList<>()));
        for (Stored stored : sessions.sessionsOf(unread)) {
            storedSessionsOfClient.get(stored.outcome().clientId()).add(stored.outcome());
            current.put(stored.sessionId(), stored);
        }
    }

    /** The session as it stands now, this batch's events included. */
    Optional<Stored> find(UUID clientId, UUID sessionId) {
        if (!storedSessionsOfClient.containsKey(clientId)) {
            readSessionsOf(List.of(clientId)); // read ahead with the batch as a rule; this is the exception
        }
        return Optional.ofNullable(current.get(sessionId));
    }

    /** A session started; a redelivered start finds its session in the view already and changes nothing. */
    void start(UUID sessionId, SessionOutcome outcome, long position) {
        if (find(outcome.clientId(), sessionId).isEmpty()) {
            Stored stored = new Stored(sessionId, outcome, position);
            current.put(sessionId, stored);
            started.put(sessionId, stored);
        }
    }

    /** A session the batch has found ({@link #find}) changed: its outcome now, and its rollups' change. */
    void change(UUID sessionId, SessionOutcome outcome, long position) {
        Stored stored = new Stored(sessionId, outcome, position);
        rollupChanges.record(current.put(sessionId, stored).outcome(), outcome);
        if (started.containsKey(sessionId)) {
            started.put(sessionId, stored);
        } else {
            changed.put(sessionId, stored);
        }
    }

    /** The client's conditions from their latest intake, this batch's included. */
    Set<PresentingCondition> conditionsOf(UUID clientId) {
        Intake intake = intakes.get(clientId);
        if (intake != null) {
            return intake.conditions();
        }
        return storedConditions.computeIfAbsent(clientId, sessions::conditionsOf);
    }

    void recordIntake(UUID clientId, Set<PresentingCondition> conditions, long position) {
        intakes.merge(clientId, new Intake(conditions, position),
                (earlier, later) -> later.position() > earlier.position() ? later : earlier);
    }

    void write() {
        sessions.insertAll(started.values());
        sessions.updateAll(changed.values());
        sessions.recordIntakes(intakes);
        switch (afterRebuild.forBatchReaching(tokenAfter)) {
            case BY_CHANGES -> rollups.apply(rollupChanges, RollupChanges.sessionsPerMonth(
                    storedSessionsOfClient.values().stream().flatMap(List::stream).toList()));
            case LATER -> {
                // counted whole by the rebuild's last batch
            }
            case FROM_ALL_SESSIONS -> countAllSessions();
        }
    }

    private void countAllSessions() {
        long started = System.nanoTime();
        RollupCount count = new RollupCount();
        sessions.signedSessionsByClient(SESSIONS_READ_AT_ONCE, count::add);
        rollups.write(count);
        log.info("Outcomes view rebuilt: {} signed sessions counted into its rollups ({} rows) in {} ms",
                count.sessions(), count.rows(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
