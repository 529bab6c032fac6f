package org.triggerpoint.clinic.command.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.command.http.ClinicHttp.Answer;
import org.triggerpoint.clinic.command.http.ClinicHttp.User;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triggerpoint.clinic.command.http.InvalidInputIT.assertProblem;

/** Who may send which command: 401 without valid credentials, 403 outside one's role; user changes are events. */
@CommandSideIntegrationTest
class AccessControlIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ClinicHttp api;
    StoredEvents events;

    @BeforeEach
    void connect() {
        api = new ClinicHttp(port);
        events = new StoredEvents(jdbc);
    }

    @Test
    void withoutValidCredentialsEveryCommandIsUnauthorized() {
        User therapist = api.newUser("THERAPIST");

        assertProblem(api.post(null, "/api/clients", Map.of("givenName", "a")), 401);
        assertProblem(api.post(new User(therapist.name(), "wrong-password-123"), "/api/clients",
                Map.of("givenName", "a")), 401);
        assertProblem(api.post(new User("nobody-here", "wrong-password-123"), "/api/clients",
                Map.of("givenName", "a")), 401);
        assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void credentialsThatCannotBeCheckedAreTheClinicsFaultNotTheCallers() {
        User therapist = api.newUser("THERAPIST");
        // An account the sign-in cannot read (a role the security layer refuses): the check fails, not the password.
        jdbc.sql("update identity.user_account set roles = '{ROLE_THERAPIST}' where username = ?")
                .param(therapist.name()).update();

        Answer answer = api.post(therapist, "/api/clients", Map.of("givenName", "a"));

        assertProblem(answer, 500);
        assertThat(answer.header("WWW-Authenticate")).isNull();
        assertThat(answer.json().get("title").asText()).isEqualTo("Sign-in could not be checked");
    }

    @Test
    void healthIsOpenAndTheApiDescriptionIsServedToUsers() {
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        Answer docs = api.get(api.newUser("ANALYST"), "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/sessions/{sessionId}/trigger-points")).isTrue();
    }

    @Test
    void eachRoleSendsOnlyItsOwnCommands() {
        User therapist = api.newUser("THERAPIST");
        User analyst = api.newUser("ANALYST");
        User auditor = api.newUser("AUDITOR");
        String clientId = api.newClient(therapist);

        assertProblem(api.post(therapist, "/api/therapists", Map.of("displayName", "x", "licenseNumber", "y")), 403);
        assertProblem(api.post(therapist, "/api/users", Map.of("username", "someone",
                "password", "a-long-password-1", "roles", List.of("ADMIN"))), 403);
        for (User reader : List.of(analyst, auditor)) {
            assertProblem(api.post(reader, "/api/sessions", Map.of("clientId", clientId,
                    "therapistId", api.newTherapist())), 403);
            assertProblem(api.post(reader, "/api/clients/" + clientId + "/consent",
                    Map.of("consentToTreatment", false, "consentToDataProcessing", false)), 403);
        }
        assertProblem(api.post(api.admin(), "/api/clients", Map.of("givenName", "a")), 403);
    }

    @Test
    void aDeactivatedUserCanNoLongerSignIn() {
        User therapist = api.newUser("THERAPIST");
        api.newClient(therapist);

        assertThat(api.post(api.admin(), "/api/users/" + therapist.name() + "/deactivate", Map.of()).status())
                .isEqualTo(204);

        assertProblem(api.post(therapist, "/api/clients", Map.of("givenName", "a")), 401);
        assertThat(events.typesOf(therapist.name())).containsExactly("UserRegistered", "UserDeactivated");
        assertThat(events.ofStream(therapist.name()).get(1).metaDataJson().get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void rolesAreReplacedAndTheChangeIsRecorded() {
        User user = api.newUser("ANALYST");

        assertThat(api.put(api.admin(), "/api/users/" + user.name() + "/roles",
                Map.of("roles", List.of("THERAPIST", "AUDITOR"))).status()).isEqualTo(204);

        assertThat(api.newClient(user)).isNotBlank();
        StoredEvents.Row change = events.ofStream(user.name()).get(1);
        assertThat(change.simpleType()).isEqualTo("UserRolesChanged");
        assertThat(change.payloadJson().get("revoked").toString()).isEqualTo("[\"ANALYST\"]");
        assertThat(change.payloadJson().get("granted")).hasSize(2);
    }

    @Test
    void aUsernameIsTakenOnceAndPasswordsAreLongEnough() {
        User user = api.newUser("AUDITOR");

        Answer again = api.post(api.admin(), "/api/users", Map.of("username", user.name(),
                "password", "another-password-1", "roles", List.of("ADMIN")));
        assertProblem(again, 409);
        assertThat(again.json().get("rule").asText()).isEqualTo("username-taken");

        Answer shortPassword = api.post(api.admin(), "/api/users", Map.of("username", "short-password-user",
                "password", "too-short", "roles", List.of("THERAPIST")));
        assertProblem(shortPassword, 400);
        assertThat(InvalidInputIT.fieldsNamed(shortPassword)).containsExactly("password");
    }

    @Test
    void theLastAdministratorKeepsTheRole() {
        Answer answer = api.put(api.admin(), "/api/users/admin/roles", Map.of("roles", List.of("AUDITOR")));

        assertProblem(answer, 409);
        assertThat(answer.json().get("rule").asText()).isEqualTo("last-administrator");
    }

    @Test
    void noPasswordIsStoredInAnyEvent() {
        User user = api.newUser("THERAPIST");

        assertThat(events.ofStream(user.name())).allSatisfy(row -> {
            assertThat(row.payload()).doesNotContain(ClinicHttp.PASSWORD);
            assertThat(row.payload()).doesNotContainIgnoringCase("password");
        });
    }
}
