package org.triggerpoint.clinic.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Host;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What both processes configure alike for the web, imported by each: sign-in as the clinic's users, and the problem
 * responses written outside Spring MVC, down to the refusals Tomcat makes itself. The users are the table
 * {@code identity.user_account}, which the command side keeps from the user events; the query side only reads it.
 */
@Configuration(proxyBeanMethods = false)
public class WebSupportConfiguration {

    @Bean
    Problems problems(ObjectMapper json) {
        return new Problems(json);
    }

    /**
     * Tomcat's own refusals as problems ({@link TomcatRefusalsAsProblems}). Having no order, this customizer is applied
     * after Spring Boot's (order 0), which puts Tomcat's HTML error report on the host; so it finds that report there
     * to replace.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRefusalsAsProblems(Problems problems) {
        return factory -> factory.addContextCustomizers(context ->
                TomcatRefusalsAsProblems.replaceTomcatsReportOn((Host) context.getParent(), problems));
    }

    @Bean
    SignIn signIn(Problems problems, ObjectProvider<JwtDecoder> jwtDecoders, Environment environment) {
        return new SignIn(problems, jwtDecoders, environment);
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
