package org.triggerpoint.clinic.query.outcomes;

/** One group's totals over a range of months, with the number of distinct clients behind them. */
record GroupOutcome(String key, OutcomeTotals totals, long clients) {
}
