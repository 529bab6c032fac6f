package org.triggerpoint.clinic.query.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.triggerpoint.clinic.query.audit.ReadLogFilter;
import org.triggerpoint.clinic.web.SignIn;
import org.triggerpoint.clinic.web.WebSupportConfiguration;

/**
 * The same users sign in as on the command side ({@link SignIn}); this process only reads their table. The roles
 * below decide which views each may read; every read of a client's records is logged.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebSupportConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, SignIn signIn, ReadLogFilter readLog) throws Exception {
        return signIn.appliedTo(http)
                // After sign-in, before the role check: every read of client records is logged, refusals included.
                .addFilterBefore(readLog, ExceptionTranslationFilter.class)
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
}
