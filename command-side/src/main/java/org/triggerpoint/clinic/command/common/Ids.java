package org.triggerpoint.clinic.command.common;

import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.events.storage.TimeOrderedIds;

import java.time.Clock;
import java.util.UUID;

/**
 * New record ids as time-ordered UUIDs (version 7, RFC 9562): ids made close in time sort close together, which keeps
 * PostgreSQL's indexes compact ({@link TimeOrderedIds}). Handlers never make ids themselves; they get them in the
 * command.
 */
@Component
public class Ids {

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public UUID next() {
        return TimeOrderedIds.at(clock.millis());
    }
}
