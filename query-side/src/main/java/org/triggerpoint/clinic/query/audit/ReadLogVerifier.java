package org.triggerpoint.clinic.query.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Shows whether the read log is as it was written. Each row's chain_hash was set on insert from the previous row's
 * and the row's own fields (query.read_log_hash); here every link is recomputed from the stored rows. A row changed
 * afterwards, or a row removed from between others, breaks the link of that row or of the one after it. Rows removed
 * from the end leave no break behind: that needs the last hash kept elsewhere. Part of {@link LogVerifier}'s check.
 */
final class ReadLogVerifier {

    /** The outcome of a check: {@code firstBreak} is null when the read log is intact. */
    record ReadLogCheck(boolean intact, long rowsChecked, Break firstBreak) {
    }

    /** The first row whose link does not match, by its id, and what that means. */
    record Break(long id, String whatIsWrong) {
    }

    private static final String CHECK = """
            with link as (
                select id, lag(id) over chain as previous_id,
                       chain_hash = query.read_log_hash(lag(chain_hash) over chain, id, read_at, actor,
                               actor_roles, client_id, endpoint, outcome, request_id) as matches
                from query.read_log
                window chain as (order by id)
            )
            select count(*) as rows_checked,
                   (select id from link where not matches order by id limit 1) as broken_id,
                   (select previous_id from link where not matches order by id limit 1) as previous_id
            from link""";

    private ReadLogVerifier() {
    }

    static ReadLogCheck verify(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECK);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            long rowsChecked = rs.getLong("rows_checked");
            long brokenId = rs.getLong("broken_id");
            if (rs.wasNull()) {
                return new ReadLogCheck(true, rowsChecked, null);
            }
            long previousId = rs.getLong("previous_id");
            String previous = rs.wasNull() ? "it is the first row" : "the row before it is " + previousId;
            return new ReadLogCheck(false, rowsChecked, new Break(brokenId, "read log row " + brokenId
                    + "'s chain_hash does not match its fields and the previous row's hash (" + previous
                    + "): this row, or its predecessor, was changed or removed after it was written"));
        }
    }
}
