package org.triggerpoint.clinic.query.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.triggerpoint.clinic.web.Problems;

/**
 * Requests that Spring Security's firewall refuses before any controller sees them (an encoded slash, backslash,
 * period, percent sign or semicolon in a path; a path that is not normalised; a control character in a header) are
 * answered like every other error, as {@code application/problem+json} 400, not as Spring Boot's plain JSON error
 * page. The command side does the same for its paths.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> problems.write(request, response,
                InvalidQuery.problem("path",
                        "The request holds characters that no record id, name or header value has"));
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
