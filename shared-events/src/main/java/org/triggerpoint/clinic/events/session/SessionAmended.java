package org.triggerpoint.clinic.events.session;

import org.axonframework.serialization.Revision;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;
import java.util.Set;

/**
 * A correction of a signed record. The record itself is never edited: this event names what it corrects, with what
 * the record said before ({@code original}) beside what it says now ({@code corrected}), and why. Fields that an
 * amendment does not correct are null in both.
 */
@Revision("1")
public record SessionAmended(SessionId sessionId, ClientId clientId, AmendmentId amendmentId,
                             Set<AmendedField> corrects, SessionRecordValues original,
                             SessionRecordValues corrected, FreeText reason, Instant amendedAt)
        implements SessionRecordEvent {

    public SessionAmended {
        corrects = Set.copyOf(corrects);
    }
}
