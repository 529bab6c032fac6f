package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.query.EventLog;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.clienthistory.ClientStory.Entry;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.ANALYST;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.AUDITOR;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.THERAPIST;
import static org.triggerpoint.clinic.query.clienthistory.SignedInRequests.json;

/**
 * {@code GET /api/clients} over HTTP on PostgreSQL. Other test classes share the database, so each test gives its
 * clients a family name with a mark of its own and searches by it.
 */
@QuerySideIntegrationTest
class ClientListIT {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;

    private SignedInRequests requests;
    private EventLog eventLog;
    private String mark;

    @BeforeEach
    void signInAndOpenTheLog() {
        requests = new SignedInRequests(port, jdbc, passwordEncoder);
        eventLog = new EventLog(eventStore, jdbc);
        mark = "Xq" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void clientsAreListedByFamilyThenGivenNameIgnoringCase() {
        stored(ClientStory.registered("Brooke", "carter" + mark, MONDAY));
        stored(ClientStory.registered("Avery", "Carter" + mark, MONDAY));
        stored(ClientStory.registered("Zoe", "abbott" + mark, MONDAY));

        JsonNode items = json(clients("?query=" + mark, THERAPIST)).at("/items");

        assertThat(items.findValuesAsText("givenName")).containsExactly("Zoe", "Avery", "Brooke");
    }

    @Test
    void aQueryFindsClientsByPartOfEitherNameInAnyCase() {
        ClientStory avery = stored(ClientStory.registered("Avery" + mark, "Quinlan", MONDAY));
        ClientStory blake = stored(ClientStory.registered("Blake", "Ortiz" + mark, MONDAY));
        stored(ClientStory.registered("Casey", "Ng", MONDAY));

        JsonNode found = json(clients("?query=" + mark.toUpperCase(), AUDITOR));

        assertThat(found.at("/total").asLong()).isEqualTo(2);
        assertThat(found.at("/items").findValuesAsText("clientId"))
                .containsExactlyInAnyOrder(avery.clientId().toString(), blake.clientId().toString());
    }

    @Test
    void anEmptyQueryListsEveryClient() {
        stored(ClientStory.registered("Avery", "Quinlan" + mark, MONDAY));

        JsonNode all = json(clients("?size=100", THERAPIST));

        long clientsInTheView = jdbc.sql("select count(*) from query.history_client").query(Long.class).single();
        assertThat(all.at("/total").asLong()).isEqualTo(clientsInTheView);
        assertThat(all.at("/items").size()).isEqualTo((int) Math.min(clientsInTheView, 100));
    }

    @Test
    void aWildcardInTheQueryIsMatchedAsItselfNotAsAnything() {
        stored(ClientStory.registered("Avery", "Quinlan" + mark, MONDAY));

        assertThat(json(clients("?query=%25", THERAPIST)).at("/total").asLong()).isZero();
        assertThat(json(clients("?query=_", THERAPIST)).at("/total").asLong()).isZero();
    }

    @Test
    void aPageHoldsAtMostItsSizeAndTheTotalCountsEveryMatch() {
        for (String given : List.of("Avery", "Blake", "Casey", "Devon", "Emery")) {
            stored(ClientStory.registered(given, "Quinlan" + mark, MONDAY));
        }

        JsonNode first = json(clients("?query=" + mark + "&size=2", THERAPIST));
        JsonNode last = json(clients("?query=" + mark + "&size=2&page=2", THERAPIST));

        assertThat(first.at("/items").findValuesAsText("givenName")).containsExactly("Avery", "Blake");
        assertThat(first.at("/page").asInt()).isZero();
        assertThat(first.at("/size").asInt()).isEqualTo(2);
        assertThat(first.at("/total").asLong()).isEqualTo(5);
        assertThat(last.at("/items").findValuesAsText("givenName")).containsExactly("Emery");
        assertThat(last.at("/page").asInt()).isEqualTo(2);
    }

    @Test
    void aPageHoldsTwentyClientsUnlessToldOtherwise() {
        for (int i = 0; i < 21; i++) {
            stored(ClientStory.registered("Client" + i, "Quinlan" + mark, MONDAY));
        }

        JsonNode page = json(clients("?query=" + mark, THERAPIST));

        assertThat(page.at("/size").asInt()).isEqualTo(20);
        assertThat(page.at("/items")).hasSize(20);
        assertThat(page.at("/total").asLong()).isEqualTo(21);
    }

    @Test
    void eachClientShowsWhoTheyAreAndHowManySessionsTheyHad() {
        ClientStory avery = stored(ClientStory.registered("Avery", "Quinlan" + mark, MONDAY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .signedSession(5, Muscle.UPPER_TRAPEZIUS, 2));

        JsonNode item = json(clients("?query=" + mark, THERAPIST)).at("/items/0");

        assertThat(item.at("/clientId").asText()).isEqualTo(avery.clientId().toString());
        assertThat(item.at("/givenName").asText()).isEqualTo("Avery");
        assertThat(item.at("/familyName").asText()).isEqualTo("Quinlan" + mark);
        assertThat(item.at("/dateOfBirth").asText()).isEqualTo("1984-03-12");
        assertThat(item.at("/registeredAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(item.at("/sessions").asInt()).isEqualTo(2);
    }

    @Test
    void aBadPageOrSizeIsRefusedNamingTheField() {
        List<String> refusedFields = new ArrayList<>();
        for (String parameters : List.of("?page=-1", "?size=0", "?size=101", "?page=first")) {
            HttpResponse<String> response = clients(parameters, THERAPIST);
            assertThat(response.statusCode()).as(parameters).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            refusedFields.add(json(response).at("/errors/0/field").asText());
        }

        assertThat(refusedFields).containsExactly("page", "size", "size", "page");
    }

    @Test
    void anAnalystMayNotListClients() {
        assertThat(clients("", ANALYST).statusCode()).isEqualTo(403);
        assertThat(clients("", null).statusCode()).isEqualTo(401);
    }

    private ClientStory stored(ClientStory story) {
        for (Entry entry : story.entries()) {
            eventLog.append(entry.streamType(), entry.streamId(), entry.event(), entry.at(), entry.actor(),
                    "THERAPIST");
        }
        return story;
    }

    private HttpResponse<String> clients(String parameters, String username) {
        return requests.get("/api/clients" + parameters, username, eventLog.tokenAfterLastEvent());
    }
}
