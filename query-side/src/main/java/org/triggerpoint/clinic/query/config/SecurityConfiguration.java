package org.triggerpoint.clinic.query.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.triggerpoint.clinic.query.audit.ReadLogFilter;
import org.triggerpoint.clinic.query.web.Problems;

/**
 * HTTP Basic against the same users as the command side: the table {@code identity.user_account} that the command
 * side keeps from the user events. This process only reads it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, Problems problems, ReadLogFilter readLog,
                                      ObjectProvider<JwtDecoder> jwtDecoders, Environment environment)
            throws Exception {
        AuthenticationEntryPoint signInFirst = new SignInFirst(problems);
        OidcBearerTokens.acceptIfConfigured(http, jwtDecoders, environment, signInFirst);
        return http
                // After sign-in, before the role check: every read of client records is logged, refusals included.
                .addFilterBefore(readLog, ExceptionTranslationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) ->
                        problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Not permitted",
                                "Your role does not permit " + request.getMethod() + " " + request.getRequestURI()))))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/analytics/**").hasRole("ANALYST")
                        .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/clients", "/api/clients/**")
                        .hasAnyRole("THERAPIST", "AUDITOR")
                        .requestMatchers("/api/reference/**").authenticated()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    UserDetailsService clinicUsers(JdbcClient jdbc) {
        return username -> jdbc.sql("""
                        select username, password_hash, roles, active from identity.user_account
                        where username = ? and password_hash is not null""")
                .param(username)
                .query((rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles((String[]) rs.getArray("roles").getArray())
                        .disabled(!rs.getBoolean("active"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * No observation wrapped around each security filter, authentication and authorisation on every request: nothing
     * reads them, and the wrappers cost a few per cent of every request. The HTTP server's request metrics remain.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
