package org.triggerpoint.clinic.query.outcomes;

import org.triggerpoint.clinic.query.outcomes.RollupChanges.Visit;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rollups counted afresh from every signed session, as a rebuild ends. Fed the sessions a portion of whole clients
 * at a time (a client's visits follow from all their sessions), it keeps only the sums: its memory is that of the
 * rollup rows, a few thousand, not that of the sessions, and the rows are written once, at the end.
 */
final class RollupCount {

    private final SortedMap<GroupKey, OutcomeTotals> totals = new TreeMap<>();
    private final SortedMap<Visit, Long> visits = new TreeMap<>();
    private long sessions;

    /** Counts {@code sessions}: every signed session of each of their clients, none of them counted before. */
    void add(Collection<SessionOutcome> sessions) {
        this.sessions += sessions.size();
        RollupChanges changes = new RollupChanges();
        sessions.forEach(changes::count);
        changes.totals().forEach((group, sum) -> totals.merge(group, sum, OutcomeTotals::plus));
        changes.visits(Map.of()).forEach((visit, clients) -> visits.merge(visit, clients, Long::sum));
    }

    /** How many sessions were counted. */
    long sessions() {
        return sessions;
    }

    /** How many rollup rows the count comes to. */
    int rows() {
        return totals.size() + visits.size();
    }

    SortedMap<GroupKey, OutcomeTotals> totals() {
        return totals;
    }

    SortedMap<Visit, Long> visits() {
        return visits;
    }
}
