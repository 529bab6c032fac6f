package org.triggerpoint.clinic.query.outcomes;

import org.axonframework.eventhandling.EventMessage;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionRecordEvent;
import org.triggerpoint.clinic.query.outcomes.OutcomeSessions.Intake;
import org.triggerpoint.clinic.query.outcomes.OutcomeSessions.Stored;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The sessions and intakes one batch of events reads and changes: each read from the view once, changed in memory as
 * the batch's events arrive, and written back together just before the batch commits (see {@code BatchScope}).
 */
final class OutcomeBatch {

    private final OutcomeSessions sessions;
    private final Map<UUID, Optional<Stored>> read = new HashMap<>();
    private final Map<UUID, Stored> started = new LinkedHashMap<>();
    private final Map<UUID, Stored> changed = new LinkedHashMap<>();
    private final Map<UUID, Intake> intakes = new LinkedHashMap<>();
    /** Clients' conditions as the view held them when the batch began. */
    private final Map<UUID, Set<PresentingCondition>> storedConditions = new HashMap<>();

    OutcomeBatch(OutcomeSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Reads every session the batch's {@code events} change, and the intake conditions of every client whose session
     * they complete, two queries in all, rather than one query for each as its first event arrives.
     */
    void readAhead(List<EventMessage<?>> events) {
        Set<UUID> sessionIds = new HashSet<>();
        Set<UUID> completingClients = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof SessionRecordEvent session) {
                sessionIds.add(session.sessionId().value());
            }
            if (event.getPayload() instanceof SessionCompleted completed) {
                completingClients.add(completed.clientId().value());
            }
        }
        sessionIds.removeAll(read.keySet());
        if (!sessionIds.isEmpty()) {
            Map<UUID, Stored> found = sessions.findAll(sessionIds);
            sessionIds.forEach(id -> read.put(id, Optional.ofNullable(found.get(id))));
        }
        if (!completingClients.isEmpty()) {
            storedConditions.putAll(sessions.conditionsOfAll(completingClients));
        }
    }

    Optional<Stored> find(UUID sessionId) {
        return read.computeIfAbsent(sessionId, sessions::find);
    }

    /** A session started; a redelivered start finds its session in the view already and changes nothing. */
    void start(UUID sessionId, SessionOutcome outcome, long position) {
        if (find(sessionId).isEmpty()) {
            Stored stored = new Stored(outcome, position);
            read.put(sessionId, Optional.of(stored));
            started.put(sessionId, stored);
        }
    }

    void change(UUID sessionId, SessionOutcome outcome, long position) {
        Stored stored = new Stored(outcome, position);
        read.put(sessionId, Optional.of(stored));
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
        sessions.insertAll(started);
        sessions.updateAll(changed);
        sessions.recordIntakes(intakes);
    }
}
