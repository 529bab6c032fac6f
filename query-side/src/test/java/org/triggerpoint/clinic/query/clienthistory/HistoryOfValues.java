package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Consent;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Details;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Erasure;
import org.triggerpoint.clinic.query.clienthistory.ClientRecord.Intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A client's history as the controller answered before sessions were served as the text the view keeps: every session
 * a record of values, serialised into the answer field by field. Answers are compared with it byte for byte.
 */
record HistoryOfValues(UUID clientId, Details details, Instant registeredAt, Consent consent, Intake intake,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Erasure personalDataErased,
                       List<SessionRecord> sessions, List<PainTrendPoint> painTrend,
                       List<MuscleSummary> muscleSummary,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf) {

    static HistoryOfValues of(FoldedStory story, Instant asOf) {
        List<SessionRecord> inOrder = story.sessions().stream()
                .sorted(Comparator.comparing(SessionRecord::startedAt).thenComparing(SessionRecord::sessionId))
                .toList();
        List<SessionFacts> facts = inOrder.stream().map(SessionFacts::of).toList();
        ClientRecord client = story.client();
        return new HistoryOfValues(client.clientId(), client.details(), client.registeredAt(), client.consent(),
                client.intake(), client.erasure(), inOrder, PainTrendPoint.of(facts), MuscleSummary.of(facts), asOf);
    }

    /** As the web layer writes an answer: UTF-8 bytes, read back as text. */
    static String answered(Object body, ObjectMapper webJson) {
        try {
            return new String(webJson.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException failure) {
            throw new AssertionError(failure);
        }
    }
}
