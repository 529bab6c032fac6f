package org.triggerpoint.clinic.query.clienthistory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triggerpoint.clinic.query.projections.BatchLookups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The view's tables: one document per client and one per session, each beside the global position of the last
 * event folded into it. A session's document is kept as the JSON text the history answers with, beside the facts its
 * summaries need ({@link SessionDocument}). Writes join the caller's transaction (the event processor's), never one
 * of their own.
 */
@Repository
class HistoryTables {

    /** A stored document and the position of the last event folded into it. */
    record Stored<T>(T record, long lastPosition) {
    }

    /** A session's stored document, with the client whose record it is part of. */
    record ClientSession(UUID clientId, Stored<SessionRecord> session) {
    }

    private static final String CLIENT_DOCUMENTS =
            "select client_id as id, doc, last_position from query.history_client where client_id = any(?)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BatchLookups lookups;

    HistoryTables(JdbcClient jdbc, NamedParameterJdbcTemplate named, BatchLookups lookups) {
        this.jdbc = jdbc;
        this.named = named;
        this.lookups = lookups;
    }

    /**
     * The client's document, for a history served: a statement the driver prepares once, unlike a batch's lookups
     * ({@link BatchLookups}), as every read of a history asks for one, and the view is not read while it is rebuilt.
     */
    Optional<Stored<ClientRecord>> client(UUID clientId) {
        return Optional.ofNullable(
                documents(jdbc::sql, CLIENT_DOCUMENTS, List.of(clientId), ClientRecord.class).get(clientId));
    }

    /** The documents of those of {@code clientIds} the view holds, in one query. */
    Map<UUID, Stored<ClientRecord>> clients(Collection<UUID> clientIds) {
        return documents(lookups::sql, CLIENT_DOCUMENTS, clientIds, ClientRecord.class);
    }

    /** Writes clients' documents, one statement batch for all of them. */
    void saveClients(Collection<Stored<ClientRecord>> clients) {
        named.batchUpdate("""
                        insert into query.history_client
                            (client_id, given_name, family_name, date_of_birth, registered_at, doc, last_position)
                        values (:clientId, :givenName, :familyName, :dateOfBirth, :registeredAt, cast(:doc as jsonb),
                                :position)
                        on conflict (client_id) do update set
                            given_name = excluded.given_name, family_name = excluded.family_name,
                            date_of_birth = excluded.date_of_birth, registered_at = excluded.registered_at,
                            doc = excluded.doc, last_position = excluded.last_position""",
                clients.stream().map(stored -> {
                    ClientRecord client = stored.record();
                    return new MapSqlParameterSource()
                            .addValue("clientId", client.clientId())
                            .addValue("givenName", client.details() == null ? null : client.details().givenName())
                            .addValue("familyName", client.details() == null ? null : client.details().familyName())
                            .addValue("dateOfBirth", client.details() == null ? null : client.details().dateOfBirth())
                            .addValue("registeredAt", utc(client.registeredAt()))
                            .addValue("doc", HistoryDocuments.write(client))
                            .addValue("position", stored.lastPosition());
                }).toArray(SqlParameterSource[]::new));
    }

    /** The client's history as the view holds it now. */
    Optional<ClientHistory> history(UUID clientId) {
        return client(clientId).map(client ->
                ClientHistory.fromDocuments(client.record(), sessionsOf(clientId), null));
    }

    Optional<Stored<SessionRecord>> session(UUID sessionId) {
        return Optional.ofNullable(sessions(List.of(sessionId)).get(sessionId));
    }

    /** The documents of those of {@code sessionIds} the view holds, in one query. */
    Map<UUID, Stored<SessionRecord>> sessions(Collection<UUID> sessionIds) {
        return documents(lookups::sql,
                "select session_id as id, doc, last_position from query.history_session where session_id = any(?)",
                sessionIds, SessionRecord.class);
    }

    /**
     * Each stored document {@code query} finds among {@code ids} (its columns: id, doc, last_position), by id, the
     * query sent as {@code statements} sends it.
     */
    private static <T> Map<UUID, Stored<T>> documents(Function<String, JdbcClient.StatementSpec> statements,
                                                      String query, Collection<UUID> ids, Class<T> type) {
        Map<UUID, Stored<T>> found = new HashMap<>();
        statements.apply(query)
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(rs.getObject("id", UUID.class),
                            new Stored<>(HistoryDocuments.read(rs.getBytes("doc"), type), rs.getLong("last_position")));
                });
        return found;
    }

    /** Writes sessions' documents, one statement batch for all of them. */
    void saveSessions(Collection<ClientSession> sessions) {
        named.batchUpdate("""
                        insert into query.history_session
                            (session_id, client_id, started_at, doc, facts, last_position)
                        values (:sessionId, :clientId, :startedAt, cast(:doc as json), cast(:facts as json), :position)
                        on conflict (session_id) do update set
                            doc = excluded.doc, facts = excluded.facts, last_position = excluded.last_position""",
                sessions.stream().map(stored -> {
                    SessionRecord session = stored.session().record();
                    SessionDocument document = SessionDocument.of(session);
                    return new MapSqlParameterSource()
                            .addValue("sessionId", session.sessionId())
                            .addValue("clientId", stored.clientId())
                            .addValue("startedAt", utc(session.startedAt()))
                            .addValue("doc", document.json().getValue())
                            .addValue("facts", HistoryDocuments.write(document.facts()))
                            .addValue("position", stored.session().lastPosition());
                }).toArray(SqlParameterSource[]::new));
    }

    /**
     * The client's sessions as stored: their documents are neither parsed nor decoded into text, and only their facts
     * are parsed. For a text column ({@code json}), the driver's {@code getBytes} gives the text's bytes as received,
     * in the connection's encoding, which the driver always sets to UTF-8.
     */
    List<SessionDocument> sessionsOf(UUID clientId) {
        return jdbc.sql("select doc, facts from query.history_session where client_id = ?")
                .param(clientId)
                .query((rs, row) -> new SessionDocument(StoredJson.of(rs.getBytes("doc")),
                        HistoryDocuments.read(rs.getBytes("facts"), SessionFacts.class)))
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
