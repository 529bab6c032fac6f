package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Consent;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Details;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Erasure;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A client's history as it is served: their own record, every session in the order it started, the pain trend over
 * the completed sessions and a summary per muscle. {@code asOf} is present when the history is the record as it
 * stood at that instant rather than as it stands now.
 */
record ClientHistory(UUID clientId, Details details, Instant registeredAt, Consent consent, Intake intake,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Erasure personalDataErased,
                     List<SessionRecord> sessions, List<PainTrendPoint> painTrend, List<MuscleSummary> muscleSummary,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf) {

    private static final Comparator<SessionRecord> IN_ORDER_STARTED =
            Comparator.comparing(SessionRecord::startedAt).thenComparing(SessionRecord::sessionId);

    static ClientHistory of(ClientRecord client, Collection<SessionRecord> sessions, Instant asOf) {
        List<SessionRecord> inOrder = sessions.stream().sorted(IN_ORDER_STARTED).toList();
        return new ClientHistory(client.clientId(), client.details(), client.registeredAt(), client.consent(),
                client.intake(), client.erasure(), inOrder, PainTrendPoint.of(inOrder), MuscleSummary.of(inOrder), asOf);
    }

    /** The summaries give calendar dates in UTC, as the clinic's records carry no time zone. */
    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
