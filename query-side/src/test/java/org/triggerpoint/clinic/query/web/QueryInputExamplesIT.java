package org.triggerpoint.clinic.query.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triggerpoint.clinic.query.QuerySideIntegrationTest;
import org.triggerpoint.clinic.query.outcomes.SignedInHttp;
import org.triggerpoint.clinic.query.web.RawRequests.Answer;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One example for each way the query side once answered hostile or mistaken input wrongly, found by
 * {@link HostileQueryIT}: a 500, an HTML page, or an answer to a question that was not asked.
 */
@QuerySideIntegrationTest
class QueryInputExamplesIT {

    private static final String CLIENT = "0b6c6f1e-5d33-4f7a-9c7e-2a4d8e1f0a11";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private RawRequests requests;
    private String therapist;
    private String auditor;

    @BeforeEach
    void signIn() {
        requests = new RawRequests(port);
        String mark = UUID.randomUUID().toString().substring(0, 6);
        therapist = "examples-therapist-" + mark;
        auditor = "examples-auditor-" + mark;
        SignedInHttp.createUser(jdbc, passwordEncoder, therapist, "THERAPIST");
        SignedInHttp.createUser(jdbc, passwordEncoder, auditor, "AUDITOR");
    }

    @Test
    void aNulInTheNameSearchIsRefusedNamingQueryNotFailedInSql() {
        assertRefused(requests.send("GET", "/api/clients?query=%00Quinlan", therapist), "query");
    }

    @Test
    void aPageNumberInHexadecimalIsRefusedNotReadAsSixteen() {
        assertRefused(requests.send("GET", "/api/clients?page=0x10", therapist), "page");
        assertRefused(requests.send("GET", "/api/audit?page=%2310", auditor), "page");
    }

    @Test
    void anAsOfGivenAsDigitsIsRefusedNotReadAsEpochMilliseconds() {
        assertRefused(requests.send("GET", "/api/clients/" + CLIENT + "/history?asOf=1772441999", therapist),
                "asOf");
    }

    @Test
    void aShortenedClientIdIsRefusedNotReadAsAnotherClient() {
        assertRefused(requests.send("GET", "/api/clients/0-0-0-0-0/history", therapist), "clientId");
        assertRefused(requests.send("GET", "/api/audit?clientId=0-0-0-0-0", auditor), "clientId");
    }

    @Test
    void aMistypedParameterIsRefusedNotIgnored() {
        Answer answer = requests.send("GET", "/api/clients?sise=5", therapist);

        assertRefused(answer, "sise");
        assertThat(answer.json().path("detail").asText()).contains("page, query, size");
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertRefused(requests.send("GET", "/api/clients?size=5&size=50", therapist), "size");
    }

    @Test
    void aValueThatIsNotUtf8IsRefusedNotDroppedForTheDefault() {
        assertRefused(requests.send("GET", "/api/clients?size=%zz", therapist), "size");
        assertRefused(requests.send("GET", "/api/audit?actor=%ED%A0%80", auditor), "actor");
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemNotAnHtmlPage() {
        Answer answer = requests.send("GET", "/api/clients/a%0Ab/history", therapist);

        assertRefused(answer, "path");
    }

    @Test
    void aConsistencyTokenWithCharactersNoHeaderHoldsIsRefusedNamingIt() {
        Answer answer = requests.send("GET", "/api/clients", therapist, "X-Consistency-Token", "v1.\uff11");

        assertRefused(answer, "X-Consistency-Token");
    }

    @Test
    void theExportFormatIsOneOfJsonAndFhir() {
        assertRefused(requests.send("GET", "/api/clients/" + CLIENT + "/export?format=xml", therapist), "format");
        assertThat(requests.send("GET", "/api/clients/" + CLIENT + "/export?format=fhir", therapist).status())
                .isEqualTo(404);
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.namedFields()).as(answer.body()).contains(field);
    }
}
