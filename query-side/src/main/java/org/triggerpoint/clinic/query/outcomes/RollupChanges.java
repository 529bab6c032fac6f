package org.triggerpoint.clinic.query.outcomes;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How a batch of events changes the rollups: for each session whose record changed, its old contribution out and its
 * new one in, summed per row. A soreness report or an amendment after signing thus moves the totals without
 * recounting anything. Rows come out in one fixed order, so that segments writing the same rows at once take their
 * locks in the same order and never deadlock.
 * <p>
 * Distinct clients over a range of months are not a sum of monthly counts, so each client's months in a group are
 * kept, and counted as visits: a client's month in a group together with their previous month in it. Over any range
 * a client has exactly one visit whose month is in the range and whose previous month is before it (their first in
 * the range), so distinct clients become a sum over visits too.
 */
final class RollupChanges {

    /** A client in a group, across months. */
    record ClientInGroup(Grouping grouping, String key, UUID clientId) implements Comparable<ClientInGroup> {

        private static final Comparator<ClientInGroup> ORDER = Comparator
                .comparing((ClientInGroup client) -> client.grouping().parameter())
                .thenComparing(ClientInGroup::key)
                .thenComparing(ClientInGroup::clientId);

        @Override
        public int compareTo(ClientInGroup other) {
            return ORDER.compare(this, other);
        }
    }

    /** Clients in a group whose month {@code group.month()} came after {@code previousMonth} (null: their first). */
    record Visit(GroupKey group, YearMonth previousMonth) implements Comparable<Visit> {

        private static final Comparator<Visit> ORDER = Comparator.comparing(Visit::group)
                .thenComparing(Visit::previousMonth, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Visit other) {
            return ORDER.compare(this, other);
        }
    }

    private final SortedMap<GroupKey, OutcomeTotals> totals = new TreeMap<>();
    private final SortedMap<ClientInGroup, SortedMap<YearMonth, Long>> clientSessions = new TreeMap<>();

    void record(SessionOutcome before, SessionOutcome after) {
        before.groups().forEach(group -> {
            totals.merge(group, OutcomeTotals.NONE.minus(before.totals()), OutcomeTotals::plus);
            addClientSessions(group, before.clientId(), -1);
        });
        after.groups().forEach(group -> {
            totals.merge(group, after.totals(), OutcomeTotals::plus);
            addClientSessions(group, after.clientId(), 1);
        });
    }

    /** A session the rollups hold nothing of yet, counted whole: all of a client's, when counted afresh. */
    void count(SessionOutcome session) {
        record(SessionOutcome.started(session.clientId(), session.therapistId(), session.startedMonth()), session);
    }

    private void addClientSessions(GroupKey group, UUID clientId, long sessions) {
        addSessions(clientSessions, group, clientId, sessions);
    }

    /** Each client's number of sessions per group and month among {@code sessions}: the months they have in each. */
    static Map<ClientInGroup, SortedMap<YearMonth, Long>> sessionsPerMonth(Collection<SessionOutcome> sessions) {
        Map<ClientInGroup, SortedMap<YearMonth, Long>> perMonth = new HashMap<>();
        sessions.forEach(session -> session.groups().forEach(group ->
                addSessions(perMonth, group, session.clientId(), 1)));
        return perMonth;
    }

    private static void addSessions(Map<ClientInGroup, SortedMap<YearMonth, Long>> perMonth, GroupKey group,
                                    UUID clientId, long sessions) {
        perMonth.computeIfAbsent(new ClientInGroup(group.grouping(), group.key(), clientId), client -> new TreeMap<>())
                .merge(group.month(), sessions, Long::sum);
    }

    /** The change to each rollup row, leaving out rows that end up unchanged. */
    SortedMap<GroupKey, OutcomeTotals> totals() {
        SortedMap<GroupKey, OutcomeTotals> changed = new TreeMap<>(totals);
        changed.values().removeIf(OutcomeTotals::isNone);
        return changed;
    }

    /** The change to each client's number of sessions per group and month, leaving out those that end up unchanged. */
    SortedMap<ClientInGroup, SortedMap<YearMonth, Long>> clientSessions() {
        SortedMap<ClientInGroup, SortedMap<YearMonth, Long>> changed = new TreeMap<>();
        clientSessions.forEach((client, perMonth) -> {
            SortedMap<YearMonth, Long> months = new TreeMap<>(perMonth);
            months.values().removeIf(change -> change == 0);
            if (!months.isEmpty()) {
                changed.put(client, months);
            }
        });
        return changed;
    }

    /**
     * The change to the visit counts, given each changed client's sessions per month in the group before this batch
     * ({@link #sessionsPerMonth} of their sessions as they were): the visits of the months they have after it, minus
     * those of the months they had.
     */
    SortedMap<Visit, Long> visits(Map<ClientInGroup, SortedMap<YearMonth, Long>> sessionsBefore) {
        SortedMap<Visit, Long> changed = new TreeMap<>();
        clientSessions().forEach((client, change) -> {
            SortedMap<YearMonth, Long> before = sessionsBefore.getOrDefault(client, new TreeMap<>());
            SortedMap<YearMonth, Long> after = new TreeMap<>(before);
            change.forEach((month, sessions) -> after.merge(month, sessions, Long::sum));
            visitsOf(client, monthsWithSessions(before)).forEach(visit -> changed.merge(visit, -1L, Long::sum));
            visitsOf(client, monthsWithSessions(after)).forEach(visit -> changed.merge(visit, 1L, Long::sum));
        });
        changed.values().removeIf(change -> change == 0);
        return changed;
    }

    private static SortedSet<YearMonth> monthsWithSessions(SortedMap<YearMonth, Long> sessions) {
        SortedSet<YearMonth> months = new TreeSet<>();
        sessions.forEach((month, count) -> {
            if (count > 0) {
                months.add(month);
            }
        });
        return months;
    }

    private static SortedSet<Visit> visitsOf(ClientInGroup client, SortedSet<YearMonth> months) {
        SortedSet<Visit> visits = new TreeSet<>();
        YearMonth previous = null;
        for (YearMonth month : months) {
            visits.add(new Visit(new GroupKey(client.grouping(), client.key(), month), previous));
            previous = month;
        }
        return visits;
    }
}
