package org.triggerpoint.clinic.events.session;

import org.triggerpoint.clinic.events.client.ClientRecordEvent;

/**
 * An event of one treatment session's record: the session belongs to the client's record, so every such event names
 * both. Views that keep a document per session find it through this.
 */
public interface SessionRecordEvent extends ClientRecordEvent {

    SessionId sessionId();
}
