package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.query.clienthistory.HistoryTables.ClientSession;
import org.triggerpoint.clinic.query.clienthistory.HistoryTables.Stored;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
