package org.triggerpoint.clinic.command.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.triggerpoint.clinic.web.Problems;

/**
 * Requests refused before they reach a controller, for a path no application should accept (an encoded slash,
 * semicolon, percent sign or backslash in an id; a path that is not normalised), are answered like every other
 * error: {@code application/problem+json} with status 400, instead of the servlet container's HTML page or Spring
 * Boot's plain JSON error.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    /** Spring Security's firewall refuses such paths; this says so as a problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> problems.write(request, response,
                Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request",
                        "The request path contains characters that no record id or name has"));
    }

    /**
     * Tomcat would refuse an encoded slash or backslash itself, with an HTML page; passed through still encoded, the
     * firewall above refuses them with a problem instead. Nothing is decoded: the path stays as it was sent.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers((Connector connector) -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }
}
