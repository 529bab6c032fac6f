package org.triggerpoint.clinic.query.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.util.Collection;
import java.util.List;

/**
 * Bearer tokens from a clinic's OpenID Connect provider, by configuration alone: set
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}, {@code public-key-location})
 * and signed-in users may send {@code Authorization: Bearer <token>} beside HTTP Basic. The token's
 * {@code clinic.security.oidc.roles-claim} (default {@code roles}) lists the clinic's roles, e.g. ["THERAPIST"];
 * {@code clinic.security.oidc.username-claim} (default {@code preferred_username}) names the actor in the events.
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
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token ->
                        new JwtAuthenticationToken(token, roles(token, rolesClaim), username(token, usernameClaim)))));
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
