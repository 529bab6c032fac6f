package org.triggerpoint.clinic.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sign-in as both processes take it: HTTP Basic against the clinic's own users, and bearer tokens from the clinic's
 * OpenID Connect provider where one is configured ({@link OidcBearerTokens}). No session is kept: every request signs
 * in. Every refusal, at sign-in or by role, is a problem response. Which roles may reach which paths is each
 * process's own, added after this.
 */
public final class SignIn {

    private final Problems problems;
    private final ObjectProvider<JwtDecoder> jwtDecoders;
    private final Environment environment;

    SignIn(Problems problems, ObjectProvider<JwtDecoder> jwtDecoders, Environment environment) {
        this.problems = problems;
        this.jwtDecoders = jwtDecoders;
        this.environment = environment;
    }

    public HttpSecurity appliedTo(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint signInFirst = new SignInFirst(problems);
        OidcBearerTokens.acceptIfConfigured(http, jwtDecoders, environment, signInFirst);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) ->
                        problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Not permitted",
                                "Your role does not permit " + request.getMethod() + " " + request.getRequestURI()))));
    }
}
