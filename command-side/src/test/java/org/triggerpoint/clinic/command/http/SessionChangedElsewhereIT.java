package org.triggerpoint.clinic.command.http;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node keeps the sessions it works on in memory, yet another command-side node may record on the same session in
 * between. Its next command on the session then acts on the session as stored, not as it last saw it.
 */
@CommandSideIntegrationTest
class SessionChangedElsewhereIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;

    ClinicHttp api;
    StoredEvents events;
    User therapist;
    String clientId;
    String sessionId;

    @BeforeEach
    void aSessionThisNodeHasWorkedOn() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
        therapist = api.newUser("THERAPIST");
        clientId = api.newClient(therapist);
        sessionId = api.newAssessedSession(therapist, clientId, api.newTherapist());
        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/techniques",
                Map.of("technique", "MYOFASCIAL_STRETCHING")).status()).isEqualTo(204);
    }

    @Test
    void aTriggerPointIdentifiedOnAnotherNodeCanBeReleasedHere() {
        String identifiedElsewhere = identifyOnAnotherNode();

        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/trigger-points/" + identifiedElsewhere
                        + "/release", Map.of("pressure", "STATIC", "holdSeconds", 60, "tissueResponse", "RELEASED",
                        "referredSensationReproduced", true)).status())
                .isEqualTo(204);
        assertThat(events.typesOf(sessionId)).containsExactly("SessionStarted", "AssessmentRecorded",
                "TechniqueApplied", "TriggerPointIdentified", "TriggerPointReleased");
    }

    @Test
    void theNextEventFollowsTheOneStoredByAnotherNode() {
        identifyOnAnotherNode();

        assertThat(api.post(therapist, "/api/sessions/" + sessionId + "/techniques",
                Map.of("technique", "GENTLE_MOVEMENT")).status()).isEqualTo(204);
        assertThat(events.ofStream(sessionId)).extracting(StoredEvents.Row::sequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    /** What another node's identification stores: the session's next event, appended to the store directly. */
    private String identifyOnAnotherNode() {
        String triggerPointId = UUID.randomUUID().toString();
        long next = events.ofStream(sessionId).size();
        TriggerPointIdentified identified = new TriggerPointIdentified(SessionId.of(sessionId), ClientId.of(clientId),
                TriggerPointId.of(triggerPointId), Muscle.UPPER_TRAPEZIUS, Side.LEFT, TriggerPointKind.ACTIVE,
                null, null, null, Instant.now());
        transactionManager.executeInTransaction(() -> eventStore.publish(
                new GenericDomainEventMessage<>("Session", sessionId, next, identified)));
        return triggerPointId;
    }
}
