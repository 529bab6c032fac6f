package org.triggerpoint.clinic.command.user;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.UserDeactivated;
import org.triggerpoint.clinic.events.user.UserRegistered;
import org.triggerpoint.clinic.events.user.UserRolesChanged;
import org.triggerpoint.clinic.events.user.Username;

import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user of the clinic's records and the roles they hold. Every change to it is an event, so the audit trail shows
 * who granted whom what, and when. The username is the aggregate's id: the event store keeps it unique.
 */
@Aggregate
public class UserAccount {

    @AggregateIdentifier
    private Username username;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean active;

    protected UserAccount() {
        // for Axon
    }

    @CommandHandler
    public UserAccount(RegisterUser command) {
        requireSomeRole(command.roles());
        apply(new UserRegistered(command.username(), command.roles(), command.registeredAt()));
    }

    @CommandHandler
    public void handle(ChangeUserRoles command, UserDirectory directory) {
        requireActive();
        requireSomeRole(command.roles());
        Set<Role> granted = difference(command.roles(), roles);
        Set<Role> revoked = difference(roles, command.roles());
        if (granted.isEmpty() && revoked.isEmpty()) {
            return;
        }
        if (revoked.contains(Role.ADMIN)) {
            requireAnotherActiveAdministrator(directory, "lose the ADMIN role");
        }
        apply(new UserRolesChanged(username, command.roles(), granted, revoked, command.changedAt()));
    }

    @CommandHandler
    public void handle(DeactivateUser command, UserDirectory directory) {
        requireActive();
        if (roles.contains(Role.ADMIN)) {
            requireAnotherActiveAdministrator(directory, "be deactivated");
        }
        apply(new UserDeactivated(username, command.deactivatedAt()));
    }

    private void requireActive() {
        if (!active) {
            throw new RuleViolation(UserRule.USER_DEACTIVATED, "User " + username + " is deactivated");
        }
    }

    private static void requireSomeRole(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new RuleViolation(UserRule.AT_LEAST_ONE_ROLE, "A user needs at least one role");
        }
    }

    private void requireAnotherActiveAdministrator(UserDirectory directory, String what) {
        if (directory.countActiveAdministratorsOtherThan(username) == 0) {
            throw new RuleViolation(UserRule.LAST_ADMINISTRATOR,
                    username + " is the last active administrator and cannot " + what);
        }
    }

    private static Set<Role> difference(Set<Role> from, Set<Role> without) {
        Set<Role> result = from.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(from);
        result.removeAll(without);
        return result;
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        username = event.username();
        roles = event.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(event.roles());
        active = true;
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        roles = event.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }
}
