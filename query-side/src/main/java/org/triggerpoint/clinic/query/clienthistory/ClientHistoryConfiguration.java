package org.triggerpoint.clinic.query.clienthistory;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientHistoryConfiguration {

    /**
     * A clinical record must not silently lose an entry. Axon's default logs a failing event handler and moves the
     * token past the event; here the failure rolls the batch back and the processor retries it, so the view stays
     * behind (and consistency-token reads answer 503) until the cause is fixed.
     */
    @Bean
    ConfigurerModule clientHistoryRetriesFailedEvents() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ClientHistoryProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
