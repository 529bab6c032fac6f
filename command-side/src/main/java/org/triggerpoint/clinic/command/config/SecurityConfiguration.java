package org.triggerpoint.clinic.command.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.triggerpoint.clinic.web.SignIn;
import org.triggerpoint.clinic.web.WebSupportConfiguration;

/**
 * The clinic's users sign in as both processes take it ({@link SignIn}), with the roles of the API contract. Every
 * path but health needs a signed-in user; the roles below decide which commands each may send.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebSupportConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, SignIn signIn) throws Exception {
        return signIn.appliedTo(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers("/api/therapists", "/api/therapists/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/clients/*/erasure").hasRole("ADMIN")
                        .requestMatchers("/api/clients", "/api/clients/**").hasRole("THERAPIST")
                        .requestMatchers("/api/sessions", "/api/sessions/**").hasRole("THERAPIST")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .build();
    }
}
