package org.triggerpoint.clinic.query.outcomes;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a batch of events changes the rollups: for each session whose record changed, its old contribution out and its
 * new one in, summed per row. A soreness report or an amendment after signing thus moves the totals without
 * recounting anything. Rows come out in one fixed order (grouping, key, month, client), so that segments writing the
 * same rows at once take their locks in the same order and never deadlock.
 */
final class RollupChanges {

    /** A client's sessions in one group and month: the rows that make distinct clients countable over any range. */
    record ClientInGroup(GroupKey group, UUID clientId) implements Comparable<ClientInGroup> {

        @Override
        public int compareTo(ClientInGroup other) {
            int byGroup = group.compareTo(other.group);
            return byGroup != 0 ? byGroup : clientId.compareTo(other.clientId);
        }
    }

    private final SortedMap<GroupKey, OutcomeTotals> totals = new TreeMap<>();
    private final SortedMap<ClientInGroup, Long> clientSessions = new TreeMap<>();

    void record(SessionOutcome before, SessionOutcome after) {
        before.groups().forEach(group -> {
            totals.merge(group, OutcomeTotals.NONE.minus(before.totals()), OutcomeTotals::plus);
            clientSessions.merge(new ClientInGroup(group, before.clientId()), -1L, Long::sum);
        });
        after.groups().forEach(group -> {
            totals.merge(group, after.totals(), OutcomeTotals::plus);
            clientSessions.merge(new ClientInGroup(group, after.clientId()), 1L, Long::sum);
        });
    }

    /** The change to each rollup row, leaving out rows that end up unchanged. */
    SortedMap<GroupKey, OutcomeTotals> totals() {
        SortedMap<GroupKey, OutcomeTotals> changed = new TreeMap<>(totals);
        changed.values().removeIf(OutcomeTotals::isNone);
        return changed;
    }

    /** The change to each client's session count per group and month, leaving out counts that end up unchanged. */
    SortedMap<ClientInGroup, Long> clientSessions() {
        SortedMap<ClientInGroup, Long> changed = new TreeMap<>(clientSessions);
        changed.values().removeIf(change -> change == 0);
        return changed;
    }
}
