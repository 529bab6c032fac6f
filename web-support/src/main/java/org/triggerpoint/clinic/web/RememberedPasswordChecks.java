package org.triggerpoint.clinic.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Every request signs in with HTTP Basic, and the adaptive hash that protects stored passwords is slow on purpose
 * (tens of milliseconds). A password that matched its stored hash is remembered for a while as a keyed digest of
 * the pair, so the next request of that user costs microseconds. The user's row is still read on every request:
 * a deactivation or a role change applies at once, and a new password hash never matches a remembered pair.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> matched = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final SecretKeySpec digestKey;

    RememberedPasswordChecks(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // Known to this process only: the remembered digests say nothing about a password outside it.
        this.digestKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String pair = digest(rawPassword, encodedPassword);
        if (matched.getIfPresent(pair) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(pair, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String digest(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(encodedPassword.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
