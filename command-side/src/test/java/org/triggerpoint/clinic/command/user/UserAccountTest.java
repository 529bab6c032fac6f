package org.triggerpoint.clinic.command.user;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.user.UserDeactivated;
import org.triggerpoint.clinic.events.user.UserRegistered;
import org.triggerpoint.clinic.events.user.UserRolesChanged;
import org.triggerpoint.clinic.events.user.Username;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.triggerpoint.clinic.command.common.Refusals.breaking;
import static org.triggerpoint.clinic.events.user.Role.ADMIN;
import static org.triggerpoint.clinic.events.user.Role.ANALYST;
import static org.triggerpoint.clinic.events.user.Role.AUDITOR;
import static org.triggerpoint.clinic.events.user.Role.THERAPIST;

class UserAccountTest {

    private static final Username GRACE = new Username("grace.hopper");
    private static final Username ALAN = new Username("alan.turing");
    private static final Instant REGISTERED_AT = Instant.parse("2025-01-15T09:00:00Z");
    private static final Instant CHANGED_AT = Instant.parse("2025-04-01T09:00:00Z");

    private final ActiveAdministrators activeAdministrators = new ActiveAdministrators();
    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource(activeAdministrators);
    }

    @Test
    void canRegisterAUserWithTheirRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(GRACE, Set.of(THERAPIST, AUDITOR), REGISTERED_AT))
                .expectEvents(new UserRegistered(GRACE, Set.of(THERAPIST, AUDITOR), REGISTERED_AT));
    }

    @Test
    void cannotRegisterAUserWithoutARole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(GRACE, Set.of(), REGISTERED_AT))
                .expectException(breaking(UserRule.AT_LEAST_ONE_ROLE))
                .expectNoEvents();
    }

    @Test
    void changingRolesRecordsWhatWasGrantedAndWhatWasRevoked() {
        fixture.given(new UserRegistered(GRACE, Set.of(THERAPIST, AUDITOR), REGISTERED_AT))
                .when(new ChangeUserRoles(GRACE, Set.of(THERAPIST, ANALYST), CHANGED_AT))
                .expectEvents(new UserRolesChanged(GRACE, Set.of(THERAPIST, ANALYST), Set.of(ANALYST),
                        Set.of(AUDITOR), CHANGED_AT));
    }

    @Test
    void restatingTheSameRolesRecordsNothing() {
        fixture.given(new UserRegistered(GRACE, Set.of(THERAPIST), REGISTERED_AT))
                .when(new ChangeUserRoles(GRACE, Set.of(THERAPIST), CHANGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotTakeEveryRoleFromAUser() {
        fixture.given(new UserRegistered(GRACE, Set.of(THERAPIST), REGISTERED_AT))
                .when(new ChangeUserRoles(GRACE, Set.of(), CHANGED_AT))
                .expectException(breaking(UserRule.AT_LEAST_ONE_ROLE))
                .expectNoEvents();
    }

    @Test
    void cannotChangeTheRolesOfADeactivatedUser() {
        fixture.given(new UserRegistered(GRACE, Set.of(THERAPIST), REGISTERED_AT),
                        new UserDeactivated(GRACE, REGISTERED_AT.plusSeconds(60)))
                .when(new ChangeUserRoles(GRACE, Set.of(AUDITOR), CHANGED_AT))
                .expectException(breaking(UserRule.USER_DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void anAdministratorCanGiveUpTheAdminRoleWhileAnotherRemains() {
        activeAdministrators.are(GRACE, ALAN);

        fixture.given(new UserRegistered(GRACE, Set.of(ADMIN, THERAPIST), REGISTERED_AT))
                .when(new ChangeUserRoles(GRACE, Set.of(THERAPIST), CHANGED_AT))
                .expectEvents(new UserRolesChanged(GRACE, Set.of(THERAPIST), Set.of(), Set.of(ADMIN), CHANGED_AT));
    }

    @Test
    void theLastActiveAdministratorCannotLoseTheAdminRole() {
        activeAdministrators.are(GRACE);

        fixture.given(new UserRegistered(GRACE, Set.of(ADMIN, THERAPIST), REGISTERED_AT))
                .when(new ChangeUserRoles(GRACE, Set.of(THERAPIST), CHANGED_AT))
                .expectException(breaking(UserRule.LAST_ADMINISTRATOR))
                .expectNoEvents();
    }

    @Test
    void canDeactivateAUser() {
        fixture.given(new UserRegistered(GRACE, Set.of(THERAPIST), REGISTERED_AT))
                .when(new DeactivateUser(GRACE, CHANGED_AT))
                .expectEvents(new UserDeactivated(GRACE, CHANGED_AT));
    }

    @Test
    void cannotDeactivateAUserTwice() {
        fixture.given(new UserRegistered(GRACE, Set.of(THERAPIST), REGISTERED_AT),
                        new UserDeactivated(GRACE, REGISTERED_AT.plusSeconds(60)))
                .when(new DeactivateUser(GRACE, CHANGED_AT))
                .expectException(breaking(UserRule.USER_DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void anAdministratorCanBeDeactivatedWhileAnotherRemains() {
        activeAdministrators.are(GRACE, ALAN);

        fixture.given(new UserRegistered(GRACE, Set.of(ADMIN), REGISTERED_AT))
                .when(new DeactivateUser(GRACE, CHANGED_AT))
                .expectEvents(new UserDeactivated(GRACE, CHANGED_AT));
    }

    @Test
    void theLastActiveAdministratorCannotBeDeactivated() {
        activeAdministrators.are(GRACE);

        fixture.given(new UserRegistered(GRACE, Set.of(ADMIN), REGISTERED_AT))
                .when(new DeactivateUser(GRACE, CHANGED_AT))
                .expectException(breaking(UserRule.LAST_ADMINISTRATOR))
                .expectNoEvents();
    }

    /** The user directory as a set of active administrators, standing in for the identity table. */
    private static final class ActiveAdministrators implements UserDirectory {

        private final Set<Username> usernames = new HashSet<>();

        void are(Username... administrators) {
            usernames.clear();
            usernames.addAll(List.of(administrators));
        }

        @Override
        public long countActiveAdministratorsOtherThan(Username username) {
            return usernames.stream().filter(administrator -> !administrator.equals(username)).count();
        }
    }
}
