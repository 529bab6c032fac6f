package org.triggerpoint.clinic.command.client;

import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;
import java.util.List;

/** Which clients' records are past their retention period. */
@Component
public class ClientRetention {

    private final JdbcClientRegistry registry;
    private final RetentionPeriod period;

    ClientRetention(JdbcClientRegistry registry, RetentionPeriod period) {
        this.registry = registry;
        this.period = period;
    }

    public RetentionPeriod period() {
        return period;
    }

    public List<ClientId> clientsPastRetention(Instant now) {
        return registry.notErasedWithLastActivityBefore(period.lastActivityDueBy(now));
    }
}
