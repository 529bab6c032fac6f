package org.triggerpoint.clinic.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triggerpoint.clinic.command.common.CheckedAggregateCache;
import org.triggerpoint.clinic.command.session.Session;
import org.triggerpoint.clinic.events.storage.ClientKeyring;

import java.time.Duration;

/**
 * Sessions are kept in memory between their commands (a session takes a dozen in an hour), checked against the store
 * before each use ({@link CheckedAggregateCache}). A session whose client's data was erased is read again rather than
 * used from memory, so no decrypted value of an erased client outlives the keyring's own cache.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Repository<Session> sessionRepository(EventStore eventStore, CacheManager aggregateCacheManager,
                                          ParameterResolverFactory parameterResolverFactory,
                                          HandlerDefinition handlerDefinition, ClientKeyring keyring,
                                          @Value("${clinic.session-cache.size}") long size,
                                          @Value("${clinic.session-cache.idle}") Duration idle) {
        Cache sessions = new EhCache3Adapter((Ehcache<?, ?>) aggregateCacheManager.createCache("sessions",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                                ResourcePoolsBuilder.heap(size))
                        .withExpiry(ExpiryPolicyBuilder.timeToIdleExpiration(idle))));
        return new CheckedAggregateCache<>(EventSourcingRepository.builder(Session.class)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition),
                eventStore, sessions, session -> keyring.keyForReading(session.clientId()).isPresent());
    }
}
