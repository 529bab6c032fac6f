package org.triggerpoint.clinic.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedPasswordChecksTest {

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    };
    private final RememberedPasswordChecks checks = new RememberedPasswordChecks(counting);
    private final String stored = checks.encode("correct horse battery staple");

    @Test
    void aMatchingPasswordIsCheckedSlowlyOnceThenRemembered() {
        assertThat(checks.matches("correct horse battery staple", stored)).isTrue();
        assertThat(checks.matches("correct horse battery staple", stored)).isTrue();

        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAsRight() {
        assertThat(checks.matches("correct horse battery staple", stored)).isTrue();

        assertThat(checks.matches("wrong horse battery staple", stored)).isFalse();
        assertThat(checks.matches("wrong horse battery staple", stored)).isFalse();
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void aNewStoredHashIsCheckedAgain() {
        assertThat(checks.matches("correct horse battery staple", stored)).isTrue();
        String changed = checks.encode("a different password 2026");

        assertThat(checks.matches("correct horse battery staple", changed)).isFalse();
    }
}
