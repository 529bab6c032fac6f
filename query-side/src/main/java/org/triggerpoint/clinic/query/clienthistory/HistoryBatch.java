package org.triggerpoint.clinic.query.clienthistory;

import org.axonframework.eventhandling.EventMessage;
import org.triggerpoint.clinic.events.client.ClientRecordEvent;
import org.triggerpoint.clinic.events.session.SessionRecordEvent;
import org.triggerpoint.clinic.query.clienthistory.HistoryTables.ClientSession;
import org.triggerpoint.clinic.query.clienthistory.HistoryTables.Stored;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The client and session documents one batch of events reads and changes: each read from the view once, folded in
 * memory as the batch's events arrive, and written back together just before the batch commits (see
 * {@code BatchScope}).
 */
final class HistoryBatch {

    private final HistoryTables tables;
    private final Map<UUID, Optional<Stored<ClientRecord>>> clients = new HashMap<>();
    private final Map<UUID, Optional<Stored<SessionRecord>>> sessions = new HashMap<>();
    private final Map<UUID, Stored<ClientRecord>> changedClients = new LinkedHashMap<>();
    private final Map<UUID, ClientSession> changedSessions = new LinkedHashMap<>();

    HistoryBatch(HistoryTables tables) {
        this.tables = tables;
    }

    /**
     * Reads the documents of every client and session the batch's {@code events} change, two queries in all, rather
     * than one query for each as its first event arrives.
     */
    void readAhead(List<EventMessage<?>> events) {
        Set<UUID> clientIds = new HashSet<>();
        Set<UUID> sessionIds = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof SessionRecordEvent session) {
                sessionIds.add(session.sessionId().value());
            } else if (event.getPayload() instanceof ClientRecordEvent client) {
                clientIds.add(client.clientId().value());
            }
        }
        clientIds.removeAll(clients.keySet());
        sessionIds.removeAll(sessions.keySet());
        if (!clientIds.isEmpty()) {
            Map<UUID, Stored<ClientRecord>> found = tables.clients(clientIds);
            clientIds.forEach(id -> clients.put(id, Optional.ofNullable(found.get(id))));
        }
        if (!sessionIds.isEmpty()) {
            Map<UUID, Stored<SessionRecord>> found = tables.sessions(sessionIds);
            sessionIds.forEach(id -> sessions.put(id, Optional.ofNullable(found.get(id))));
        }
    }

    Optional<Stored<ClientRecord>> client(UUID clientId) {
        return clients.computeIfAbsent(clientId, tables::client);
    }

    void save(ClientRecord client, long position) {
        Stored<ClientRecord> stored = new Stored<>(client, position);
        clients.put(client.clientId(), Optional.of(stored));
        changedClients.put(client.clientId(), stored);
    }

    Optional<Stored<SessionRecord>> session(UUID sessionId) {
        return sessions.computeIfAbsent(sessionId, tables::session);
    }

    void save(UUID clientId, SessionRecord session, long position) {
        Stored<SessionRecord> stored = new Stored<>(session, position);
        sessions.put(session.sessionId(), Optional.of(stored));
        changedSessions.put(session.sessionId(), new ClientSession(clientId, stored));
    }

    /** Writes what the batch changed so far; called before it commits, and before an erasure lists the sessions. */
    void write() {
        tables.saveClients(changedClients.values());
        tables.saveSessions(changedSessions.values());
        changedClients.clear();
        changedSessions.clear();
    }
}
