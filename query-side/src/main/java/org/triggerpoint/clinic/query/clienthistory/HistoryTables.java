package org.triggerpoint.clinic.query.clienthistory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The view's tables: one document per client and one per session, each beside the global position of the last
 * event folded into it. Writes join the caller's transaction (the event processor's), never one of their own.
 */
@Repository
class HistoryTables {

    /** A stored document and the position of the last event folded into it. */
    record Stored<T>(T record, long lastPosition) {
    }

    private final JdbcClient jdbc;

    HistoryTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored<ClientRecord>> client(UUID clientId) {
        return jdbc.sql("select doc, last_position from query.history_client where client_id = ?")
                .param(clientId)
                .query((rs, row) -> new Stored<>(HistoryDocuments.read(rs.getString("doc"), ClientRecord.class),
                        rs.getLong("last_position")))
                .optional();
    }

    void save(ClientRecord client, long position) {
        jdbc.sql("""
                        insert into query.history_client
                            (client_id, given_name, family_name, date_of_birth, registered_at, doc, last_position)
                        values (:clientId, :givenName, :familyName, :dateOfBirth, :registeredAt, cast(:doc as jsonb),
                                :position)
                        on conflict (client_id) do update set
                            given_name = excluded.given_name, family_name = excluded.family_name,
                            date_of_birth = excluded.date_of_birth, registered_at = excluded.registered_at,
                            doc = excluded.doc, last_position = excluded.last_position""")
                .param("clientId", client.clientId())
                .param("givenName", client.details() == null ? null : client.details().givenName())
                .param("familyName", client.details() == null ? null : client.details().familyName())
                .param("dateOfBirth", client.details() == null ? null : client.details().dateOfBirth())
                .param("registeredAt", utc(client.registeredAt()))
                .param("doc", HistoryDocuments.write(client))
                .param("position", position)
                .update();
    }

    /** The client's history as the view holds it now. */
    Optional<ClientHistory> history(UUID clientId) {
        return client(clientId).map(client -> ClientHistory.of(client.record(), sessionsOf(clientId), null));
    }

    Optional<Stored<SessionRecord>> session(UUID sessionId) {
        return jdbc.sql("select doc, last_position from query.history_session where session_id = ?")
                .param(sessionId)
                .query((rs, row) -> new Stored<>(HistoryDocuments.read(rs.getString("doc"), SessionRecord.class),
                        rs.getLong("last_position")))
                .optional();
    }

    void save(UUID clientId, SessionRecord session, long position) {
        jdbc.sql("""
                        insert into query.history_session (session_id, client_id, started_at, doc, last_position)
                        values (:sessionId, :clientId, :startedAt, cast(:doc as jsonb), :position)
                        on conflict (session_id) do update set
                            doc = excluded.doc, last_position = excluded.last_position""")
                .param("sessionId", session.sessionId())
                .param("clientId", clientId)
                .param("startedAt", utc(session.startedAt()))
                .param("doc", HistoryDocuments.write(session))
                .param("position", position)
                .update();
    }

    List<SessionRecord> sessionsOf(UUID clientId) {
        return jdbc.sql("select doc from query.history_session where client_id = ?")
                .param(clientId)
                .query((rs, row) -> HistoryDocuments.read(rs.getString("doc"), SessionRecord.class))
                .list();
    }

    /** Each session of the client with the position of the last event folded into it. */
    List<Stored<UUID>> sessionPositionsOf(UUID clientId) {
        return jdbc.sql("select session_id, last_position from query.history_session where client_id = ?")
                .param(clientId)
                .query((rs, row) -> new Stored<>(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
    }

    /** A session belongs to one client from its start, so its id here holds for any earlier instant too. */
    List<UUID> sessionIdsOf(UUID clientId) {
        return jdbc.sql("select session_id from query.history_session where client_id = ?")
                .param(clientId)
                .query(UUID.class)
                .list();
    }

    /** Empties the view before it is rebuilt from the first event. */
    void clear() {
        jdbc.sql("truncate query.history_session, query.history_client").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
