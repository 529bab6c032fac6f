package org.triggerpoint.clinic.query.outcomes;

import java.util.List;

/**
 * Outcomes per group, de-identified: groups of fewer than {@value #MIN_CLIENTS} distinct clients are left out (and
 * counted), so that no row describes a client who could be recognised.
 *
 * @param from the first month included, {@code YYYY-MM}, or null for no lower bound
 * @param to   the last month included, {@code YYYY-MM}, or null for no upper bound
 */
record OutcomesAnswer(String groupBy, String from, String to, List<Row> rows, int suppressedGroups) {

    static final int MIN_CLIENTS = 5;

    /**
     * @param meanPainReduction             NPRS points before minus after the session, averaged, two decimals
     * @param mcidRate                      share of sessions reaching the MCID (0–1, three decimals)
     * @param sorenessRate                  share of sessions followed by soreness of severity 1 or more
     * @param sorenessResolvedWithin48hRate among those, the share reported resolved within 48 h; null if none
     */
    record Row(String key, long sessions, long clients, double meanPainReduction, double mcidRate,
               double sorenessRate, Double sorenessResolvedWithin48hRate) {
    }

    static OutcomesAnswer of(Grouping grouping, MonthRange range, List<GroupOutcome> groups) {
        List<Row> rows = groups.stream()
                .filter(group -> group.clients() >= MIN_CLIENTS)
                .map(OutcomesAnswer::row)
                .toList();
        return new OutcomesAnswer(grouping.parameter(), text(range.from()), text(range.to()), rows,
                groups.size() - rows.size());
    }

    private static Row row(GroupOutcome group) {
        OutcomeTotals totals = group.totals();
        return new Row(group.key(), totals.sessions(), group.clients(), totals.meanPainReduction(),
                totals.mcidRate(), totals.sorenessRate(), totals.sorenessResolvedWithin48hRate());
    }

    private static String text(Object month) {
        return month == null ? null : month.toString();
    }
}
