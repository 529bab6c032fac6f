package org.triggerpoint.clinic.query.audit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * An audit trail with a hole in it proves nothing: a failing entry rolls its batch back and is retried (Axon's
     * default would log it and move on), so the trail stays behind until the cause is fixed, never incomplete.
     */
    @Bean
    ConfigurerModule auditRetriesFailedEvents() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AuditProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * The read log runs inside the security filter chain (see SecurityConfiguration), where it knows who is signed
     * in and sees refusals; Spring Boot would otherwise also run it as a servlet filter of its own.
     */
    @Bean
    FilterRegistrationBean<ReadLogFilter> readLogFilterOnlyInSecurityChain(ReadLogFilter filter) {
        FilterRegistrationBean<ReadLogFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
