package org.triggerpoint.clinic.command.user;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.UserDeactivated;
import org.triggerpoint.clinic.events.user.UserRegistered;
import org.triggerpoint.clinic.events.user.UserRolesChanged;
import org.triggerpoint.clinic.events.user.Username;

import java.util.Set;

/**
 * {@code identity.user_account}: the users both processes authenticate against. Roles and activity follow the
 * user events through a subscribing processor (same transaction); the password hash is written beside them by
 * {@link UserAdministration}, because a password, even hashed, never enters an event.
 */
@Component
@ProcessingGroup("user-accounts")
class JdbcUserDirectory implements UserDirectory {

    private final JdbcClient jdbc;

    JdbcUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countActiveAdministratorsOtherThan(Username username) {
        return jdbc.sql("""
                        select count(*) from identity.user_account
                        where active and 'ADMIN' = any(roles) and username <> ?""")
                .param(username.value())
                .query(Long.class)
                .single();
    }

    boolean exists(Username username) {
        return jdbc.sql("select exists (select 1 from identity.user_account where username = ?)")
                .param(username.value())
                .query(Boolean.class)
                .single();
    }

    void setPasswordHash(Username username, String passwordHash) {
        jdbc.sql("update identity.user_account set password_hash = ? where username = ?")
                .param(passwordHash)
                .param(username.value())
                .update();
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.sql("""
                        insert into identity.user_account (username, roles, active) values (?, ?::text[], true)
                        on conflict (username) do nothing""")
                .param(event.username().value())
                .param(asArrayLiteral(event.roles()))
                .update();
    }

    @EventHandler
    void on(UserRolesChanged event) {
        jdbc.sql("update identity.user_account set roles = ?::text[] where username = ?")
                .param(asArrayLiteral(event.roles()))
                .param(event.username().value())
                .update();
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.sql("update identity.user_account set active = false where username = ?")
                .param(event.username().value())
                .update();
    }

    /** Role names are upper-case enum constants, so a plain array literal needs no quoting. */
    private static String asArrayLiteral(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }
}
