package org.triggerpoint.clinic.query.audit;

/**
 * What a check of the event log found: whether it is intact, how much was checked, the first break found (null when
 * intact), and the newest anchor, whose digest an auditor may copy elsewhere to detect a wholesale rewrite later.
 */
record LogReport(boolean intact, long eventsChecked, long anchorsChecked, Break firstBreak, Anchor lastAnchor) {

    /** {@code where}: a stream id or "anchor <id>"; {@code position}: a sequence number or a global position. */
    record Break(String where, long position, String what) {
    }

    record Anchor(long anchorId, String anchoredAt, long globalPosition, long streams, String headsDigest) {
    }
}
