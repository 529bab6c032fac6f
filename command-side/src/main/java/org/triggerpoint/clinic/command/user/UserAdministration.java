package org.triggerpoint.clinic.command.user;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.command.web.ConsistencyTokens;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.Username;

import java.time.Clock;
import java.util.Set;

/**
 * Registers users: the {@link RegisterUser} command and the password hash are stored in one transaction, so a user
 * never exists without a password, nor a password without its registration event; the answer's consistency token is
 * read in it too, so a registration that answers an error has stored nothing.
 */
@Service
public class UserAdministration {

    private final CommandGateway commands;
    private final JdbcUserDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final ConsistencyTokens tokens;
    private final Clock clock;

    UserAdministration(CommandGateway commands, JdbcUserDirectory directory, PasswordEncoder passwordEncoder,
                       TransactionTemplate transaction, ConsistencyTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.commands = commands;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Registers the user; answers the consistency token of the registration, read before it commits. */
    public String register(Username username, String password, Set<Role> roles) {
        // Hash before the transaction: an adaptive hash is slow on purpose, and should not hold a connection.
        String passwordHash = passwordEncoder.encode(password);
        return transaction.execute(status -> {
            if (directory.exists(username)) {
                throw usernameTaken(username);
            }
            try {
                commands.sendAndWait(new RegisterUser(username, roles, clock.instant()));
            } catch (AggregateStreamCreationException raceLost) {
                throw usernameTaken(username);
            }
            directory.setPasswordHash(username, passwordHash);
            return tokens.positionOf(username);
        });
    }

    boolean exists(Username username) {
        return directory.exists(username);
    }

    private static RuleViolation usernameTaken(Username username) {
        return new RuleViolation(UserRule.USERNAME_TAKEN, "A user named " + username + " already exists");
    }
}
