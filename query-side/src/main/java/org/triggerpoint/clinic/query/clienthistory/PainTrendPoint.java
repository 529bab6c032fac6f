package org.triggerpoint.clinic.query.clienthistory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One completed session on the client's pain trend: pain before (the assessment's NPRS) and after treatment, as
 * amended, and the reduction between them (positive when pain went down).
 */
record PainTrendPoint(UUID sessionId, LocalDate date, int painScore, int postSessionPainScore, int painReduction) {

    /** The completed sessions of {@code sessionsInOrder}, in that order. */
    static List<PainTrendPoint> of(List<SessionFacts> sessionsInOrder) {
        return sessionsInOrder.stream()
                .filter(SessionFacts::completed)
                .map(session -> {
                    int before = session.painScore();
                    int after = session.postSessionPainScore();
                    return new PainTrendPoint(session.sessionId(), ClientHistory.dateOf(session.startedAt()), before,
                            after, before - after);
                })
                .toList();
    }
}
