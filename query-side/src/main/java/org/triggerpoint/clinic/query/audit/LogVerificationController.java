package org.triggerpoint.clinic.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The event log's integrity check for auditors; {@code ./clinic verify-log} runs the same check. */
@RestController
class LogVerificationController {

    private final DataSource dataSource;

    LogVerificationController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Verify the integrity of the event log and the read log (AUDITOR)", description = """
            Walks every stream of the event store in order: sequence numbers must run 0, 1, 2, … without a hole, and \
            each event's stored chain hash must equal sha256 of its predecessor's hash and its stored (encrypted) \
            fields. Then checks every anchor (a digest of all streams' latest events, written every minute by the \
            command side): a deleted stream or deleted latest events change it. Answers 200 either way: intact is \
            false and firstBreak says where (a stream id and sequence number, or "anchor <id>" and a global \
            position) and what is wrong. lastAnchor is the newest anchor: keep its headsDigest elsewhere to detect \
            a later rewrite of the whole log. The read log (reads of client records) is chained too and checked the             same way; a break there is reported with where "read log" and the row id.""")
    LogReport verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return LogVerifier.verify(connection);
        }
    }
}
