package org.triggerpoint.clinic.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's event handlers keep lookup tables (client registry, therapist roster, user accounts, client
 * keys) in the transaction of the command's events. A table that fails to follow an event must fail that command:
 * Axon's default would log the failure and store the events anyway, e.g. a second therapist with a licence number
 * already taken by a concurrent registration (one node or several), and the roster out of step with the events.
 */
@Configuration(proxyBeanMethods = false)
class LookupTableConfiguration {

    @Bean
    ConfigurerModule lookupTablesFailTheirCommand() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
