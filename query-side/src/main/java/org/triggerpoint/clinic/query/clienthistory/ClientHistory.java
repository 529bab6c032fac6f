package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Consent;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Details;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Erasure;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A client's history as it is served: their own record, every session in the order it started, the pain trend over
 * the completed sessions and a summary per muscle. {@code asOf} is present when the history is the record as it
 * stood at that instant rather than as it stands now. Sessions are served as the documents the view keeps
 * ({@link SessionDocument}), and the summaries are made from their facts, so a history reads the same whether its
 * sessions come from the view or were folded from the events just now.
 */
record ClientHistory(UUID clientId, Details details, Instant registeredAt, Consent consent, Intake intake,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Erasure personalDataErased,
                     List<SessionDocument> sessions, List<PainTrendPoint> painTrend,
                     List<MuscleSummary> muscleSummary,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf) {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final Comparator<SessionFacts> IN_ORDER_STARTED =
            Comparator.comparing(SessionFacts::startedAt).thenComparing(SessionFacts::sessionId);

    /** The history of sessions folded from their events, e.g. as they stood at {@code asOf}. */
    static ClientHistory of(ClientRecord client, Collection<SessionRecord> sessions, Instant asOf) {
        return fromDocuments(client, sessions.stream().map(SessionDocument::of).toList(), asOf);
    }

    /** The history of sessions as the view keeps them. */
    static ClientHistory fromDocuments(ClientRecord client, Collection<SessionDocument> sessions, Instant asOf) {
        List<SessionDocument> inOrder = sessions.stream()
                .sorted(Comparator.comparing(SessionDocument::facts, IN_ORDER_STARTED))
                .toList();
        List<SessionFacts> facts = inOrder.stream().map(SessionDocument::facts).toList();
        return new ClientHistory(client.clientId(), client.details(), client.registeredAt(), client.consent(),
                client.intake(), client.erasure(), inOrder, PainTrendPoint.of(facts), MuscleSummary.of(facts), asOf);
    }

    /**
     * The summaries give calendar dates in UTC, as the clinic's records carry no time zone. Counted in whole days of
     * the epoch: Java 17's {@code LocalDate.ofInstant} asks the offset for its rules, a new object with a map of its
     * own each time, for every trigger point and session of every history read.
     */
    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY));
    }
}
