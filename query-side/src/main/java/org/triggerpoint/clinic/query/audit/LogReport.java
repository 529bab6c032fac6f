package org.triggerpoint.clinic.query.audit;

/**
 * What a check of the event log and the read log found: whether both are intact, how much was checked, the first
 * break found (null when intact), and the newest anchor, whose digest an auditor may copy elsewhere to detect a
 * wholesale rewrite later.
 */
record LogReport(boolean intact, long eventsChecked, long anchorsChecked, long readsChecked, Break firstBreak,
                 Anchor lastAnchor) {

    /**
     * {@code where}: a stream id, "anchor <id>" or "read log"; {@code position}: a sequence number, a global position
     * or a read-log row id.
     */
    record Break(String where, long position, String what) {
    }

    record Anchor(long anchorId, String anchoredAt, long globalPosition, long streams, String headsDigest) {
    }
}
