package org.triggerpoint.clinic.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

import java.util.Collection;
import java.util.List;

/**
 * Bearer tokens from a clinic's OpenID Connect provider, by configuration alone: set
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}, {@code public-key-location})
 * and signed-in users may send {@code Authorization: Bearer <token>} beside HTTP Basic. The token's
 * {@code clinic.security.oidc.roles-claim} (default {@code roles}) lists the clinic's roles, e.g. ["THERAPIST"];
 * {@code clinic.security.oidc.username-claim} (default {@code preferred_username}) names the user, as the actor in the
 * events and the reader in the read log.
 */
final class OidcBearerTokens {

    private OidcBearerTokens() {
    }

    static void acceptIfConfigured(HttpSecurity http, ObjectProvider<JwtDecoder> decoders, Environment environment,
                                   AuthenticationEntryPoint refused) throws Exception {
        JwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            return;
        }
        String rolesClaim = environment.getProperty("clinic.security.oidc.roles-claim", "roles");
        String usernameClaim = environment.getProperty("clinic.security.oidc.username-claim", "preferred_username");
        http.oauth2ResourceServer(oauth -> oauth
                .authenticationEntryPoint(refused)
                .withObjectPostProcessor(everyFailureAnsweredBy(refused))
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token ->
                        new JwtAuthenticationToken(token, roles(token, rolesClaim), username(token, usernameClaim)))));
    }

    /**
     * A token that could not be checked at all (the provider's keys could not be fetched) is answered by the entry
     * point too, as every other sign-in failure is. Spring's bearer-token filter would rethrow it past the entry point,
     * to the servlet container's error page: a bare 500 without the problem's explanation, not logged as ours.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> everyFailureAnsweredBy(
            AuthenticationEntryPoint refused) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(refused);
                failures.setRethrowAuthenticationServiceException(false);
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }

    private static Collection<GrantedAuthority> roles(Jwt token, String claim) {
        List<String> roles = token.getClaimAsStringList(claim);
        return roles == null ? List.of() : roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                .toList();
    }

    private static String username(Jwt token, String claim) {
        String username = token.getClaimAsString(claim);
        return username != null ? username : token.getSubject();
    }
}
