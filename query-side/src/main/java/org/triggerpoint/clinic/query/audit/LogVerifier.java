package org.triggerpoint.clinic.query.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Checks the event log against its hash chain and its anchors, with the database's own {@code events.event_hash}
 * and {@code events.heads_digest} (command-side migration V5), so that the check and the writing agree by
 * construction. The one place of this SQL: the endpoint and {@code ./clinic verify-log} both call it.
 * <ol>
 * <li>Each stream, in sequence order: numbers run 0, 1, 2, … (a hole is a deleted event), and each stored chain hash
 * equals the hash of the event's stored fields and its predecessor's stored hash (a difference is a changed event).
 * <li>Each anchor: the streams' heads up to its global position still give its digest (a difference is a deleted
 * stream, a cut-off tail, or a chain rewritten before the anchor).
 * </ol>
 * Rows are streamed through a cursor; only stream ids and numbers leave the database, never payloads.
 */
final class LogVerifier {

    private static final String CHAIN_LINKS = """
            select aggregate_identifier, sequence_number,
                   coalesce(lag(sequence_number) over stream + 1, 0) as expected_sequence,
                   chain_hash is not distinct from events.event_hash(lag(chain_hash) over stream,
                           aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision,
                           time_stamp, payload, meta_data) as hash_matches
            from events.domain_event_entry
            window stream as (partition by aggregate_identifier order by sequence_number)
            order by aggregate_identifier, sequence_number""";

    private static final String ANCHORS = """
            select anchor_id, anchored_at, global_position, streams, heads_digest,
                   heads_digest is not distinct from events.heads_digest(global_position) as digest_matches
            from events.chain_anchor
            order by anchor_id""";

    private static final String STREAMS_UP_TO = """
            select count(distinct aggregate_identifier) from events.domain_event_entry where global_index <= ?""";

    private static final int FETCH_SIZE = 1000;

    private LogVerifier() {
    }

    /** Checks the whole log in one read-only snapshot, so that events stored meanwhile never look like a break. */
    static LogReport verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        try {
            // A cursor (fetch size honoured) needs a transaction; repeatable read gives every query the same snapshot.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Chain chain = checkChains(connection);
            Anchors anchors = checkAnchors(connection);
            ReadLogVerifier.ReadLogCheck reads = ReadLogVerifier.verify(connection);
            LogReport.Break firstBreak = chain.firstBreak != null ? chain.firstBreak
                    : anchors.firstBreak != null ? anchors.firstBreak
                    : reads.firstBreak() == null ? null
                    : new LogReport.Break("read log", reads.firstBreak().id(), reads.firstBreak().whatIsWrong());
            return new LogReport(firstBreak == null, chain.events, anchors.checked, reads.rowsChecked(), firstBreak,
                    anchors.last);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Chain checkChains(Connection connection) throws SQLException {
        Chain chain = new Chain();
        try (PreparedStatement links = connection.prepareStatement(CHAIN_LINKS)) {
            links.setFetchSize(FETCH_SIZE);
            try (ResultSet link = links.executeQuery()) {
                while (link.next()) {
                    chain.events++;
                    if (chain.firstBreak == null) {
                        chain.firstBreak = breakAt(link.getString(1), link.getLong(2), link.getLong(3),
                                link.getBoolean(4));
                    }
                }
            }
        }
        return chain;
    }

    private static LogReport.Break breakAt(String stream, long sequence, long expected, boolean hashMatches) {
        if (sequence != expected) {
            return new LogReport.Break(stream, expected, expected == 0
                    ? "The stream starts at sequence number " + sequence + ": its first events were deleted"
                    : "Sequence number " + expected + " is missing (" + sequence + " follows " + (expected - 1)
                    + "): an event was deleted from the middle of the stream");
        }
        if (!hashMatches) {
            return new LogReport.Break(stream, sequence, "The stored chain hash does not match the event's stored "
                    + "fields and its predecessor's hash: the event (payload, metadata, payload type, identifier or time) "
                    + "was changed after it was stored");
        }
        return null;
    }

    private static Anchors checkAnchors(Connection connection) throws SQLException {
        Anchors anchors = new Anchors();
        try (PreparedStatement query = connection.prepareStatement(ANCHORS)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet anchor = query.executeQuery()) {
                while (anchor.next()) {
                    anchors.checked++;
                    anchors.last = new LogReport.Anchor(anchor.getLong("anchor_id"),
                            anchor.getObject("anchored_at", OffsetDateTime.class).toInstant().toString(),
                            anchor.getLong("global_position"), anchor.getLong("streams"),
                            HexFormat.of().formatHex(anchor.getBytes("heads_digest")));
                    if (anchors.firstBreak == null && !anchor.getBoolean("digest_matches")) {
                        anchors.firstBreak = anchorBroken(connection, anchors.last);
                    }
                }
            }
        }
        return anchors;
    }

    private static LogReport.Break anchorBroken(Connection connection, LogReport.Anchor anchor) throws SQLException {
        long streamsNow;
        try (PreparedStatement query = connection.prepareStatement(STREAMS_UP_TO)) {
            query.setLong(1, anchor.globalPosition());
            try (ResultSet count = query.executeQuery()) {
                count.next();
                streamsNow = count.getLong(1);
            }
        }
        return new LogReport.Break("anchor " + anchor.anchorId(), anchor.globalPosition(),
                "The streams' latest events up to global position " + anchor.globalPosition()
                        + " no longer match the anchor written at " + anchor.anchoredAt() + " (" + anchor.streams()
                        + " streams then, " + streamsNow + " now): events at or before that position were deleted, "
                        + "or a stream's chain was rewritten");
    }

    private static final class Chain {
        long events;
        LogReport.Break firstBreak;
    }

    private static final class Anchors {
        long checked;
        LogReport.Break firstBreak;
        LogReport.Anchor last;
    }
}
