package org.triggerpoint.clinic.command.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.triggerpoint.clinic.command.client.RetentionPeriod;

import java.time.Period;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PrivacyConfiguration {

    @Bean
    RetentionPeriod retentionPeriod(@Value("${clinic.retention.period}") Period period) {
        return new RetentionPeriod(period);
    }
}
