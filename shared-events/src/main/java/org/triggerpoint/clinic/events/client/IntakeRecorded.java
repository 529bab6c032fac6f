package org.triggerpoint.clinic.events.client;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;

import java.time.Instant;
import java.util.Set;

/** The client's intake: why they came ({@code conditions}), and in their words their history and goals. */
@Revision("1")
public record IntakeRecorded(ClientId clientId, Set<PresentingCondition> conditions, FreeText history, FreeText goals,
                             Instant recordedAt) implements ClientRecordEvent {

    public IntakeRecorded {
        conditions = Set.copyOf(conditions);
    }
}
