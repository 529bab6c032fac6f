package org.triggerpoint.clinic.query.outcomes;

/**
 * What a set of completed sessions adds up to: how many, their summed pain reduction (NPRS points), and how many
 * reached the MCID, were followed by soreness (severity at least 1), and of those, had it resolved within 48 hours.
 * Sums, not averages, so that a session's contribution can be taken out again exactly.
 */
record OutcomeTotals(long sessions, long painReduction, long mcidSessions, long soreSessions,
                     long resolvedWithin48hSessions) {

    static final OutcomeTotals NONE = new OutcomeTotals(0, 0, 0, 0, 0);

    OutcomeTotals plus(OutcomeTotals other) {
        return new OutcomeTotals(sessions + other.sessions, painReduction + other.painReduction,
                mcidSessions + other.mcidSessions, soreSessions + other.soreSessions,
                resolvedWithin48hSessions + other.resolvedWithin48hSessions);
    }

    OutcomeTotals minus(OutcomeTotals other) {
        return new OutcomeTotals(sessions - other.sessions, painReduction - other.painReduction,
                mcidSessions - other.mcidSessions, soreSessions - other.soreSessions,
                resolvedWithin48hSessions - other.resolvedWithin48hSessions);
    }

    boolean isNone() {
        return equals(NONE);
    }

    /** Mean pain reduction per session in NPRS points, to two decimals. */
    double meanPainReduction() {
        return rounded((double) painReduction / sessions, 2);
    }

    double mcidRate() {
        return rounded((double) mcidSessions / sessions, 3);
    }

    double sorenessRate() {
        return rounded((double) soreSessions / sessions, 3);
    }

    /** Among the sessions followed by soreness, the share resolved within 48 hours; null when none was sore. */
    Double sorenessResolvedWithin48hRate() {
        return soreSessions == 0 ? null : rounded((double) resolvedWithin48hSessions / soreSessions, 3);
    }

    private static double rounded(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
