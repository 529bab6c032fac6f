package org.triggerpoint.clinic.command.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.Username;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * On the first start against an empty database, registers the administrator {@code admin}. No default password is
 * shipped: it comes from {@code CLINIC_ADMIN_PASSWORD}, or is generated and printed once.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    static final Username ADMIN = new Username("admin");
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAdministration users;
    private final String configuredPassword;

    FirstAdministrator(UserAdministration users, @Value("${clinic.admin-password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists(ADMIN)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        try {
            users.register(ADMIN, password, Set.of(Role.ADMIN));
        } catch (RuleViolation anotherNodeWasFirst) {
            return;
        }
        if (generated) {
            // Printed once, on purpose on standard output rather than in a log file that is kept.
            System.out.println();
            System.out.println("  The first administrator is 'admin' with the generated password: " + password);
            System.out.println("  It is shown only this once. Set CLINIC_ADMIN_PASSWORD to choose it instead.");
            System.out.println();
        } else {
            log.info("Registered the first administrator 'admin' with the password from CLINIC_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
