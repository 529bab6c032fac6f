package org.triggerpoint.clinic.query.outcomes;

import java.time.YearMonth;
import java.util.Comparator;

/** One group's share of one month: the rollups keep a row per group key. */
record GroupKey(Grouping grouping, String key, YearMonth month) implements Comparable<GroupKey> {

    /** The primary-key order of the rollup tables, in which every batch writes them. */
    private static final Comparator<GroupKey> TABLE_ORDER = Comparator
            .comparing((GroupKey group) -> group.grouping().parameter())
            .thenComparing(GroupKey::key)
            .thenComparing(GroupKey::month);

    @Override
    public int compareTo(GroupKey other) {
        return TABLE_ORDER.compare(this, other);
    }
}
