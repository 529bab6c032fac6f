package org.triggerpoint.clinic.query.projections;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every view processor shares its segments with the other query-side nodes: it claims at most its fair share, and
 * renews its claims often enough (a fifth of the claim timeout, also while a long batch runs) that a live node never
 * loses one, while a dead node's claims lapse within the timeout and the survivors take them over.
 */
@Configuration(proxyBeanMethods = false)
class SegmentSharing {

    @Bean
    ConfigurerModule viewProcessorsShareSegments(FairShareOfSegments fairShare, ProcessingNodes nodes) {
        long claimExtensionMillis = Math.max(200, nodes.claimTimeout().toMillis() / 5);
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, processor) -> processor
                        .maxSegmentProvider(fairShare)
                        .claimExtensionThreshold(claimExtensionMillis)
                        .enableCoordinatorClaimExtension());
    }
}
