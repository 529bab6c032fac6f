package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.query.clienthistory.ClientStory.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A story's events folded by the view's own code, each into the record of its stream, as the projection does. */
record FoldedStory(ClientRecord client, List<SessionRecord> sessions) {

    static FoldedStory of(ClientStory story) {
        ClientRecord client = null;
        Map<String, SessionRecord> sessions = new LinkedHashMap<>();
        for (Entry entry : story.entries()) {
            RecordedEvent recorded = new RecordedEvent(entry.event(), entry.actor());
            if (entry.streamType().equals("Client")) {
                client = ClientRecord.fold(client, recorded);
            } else {
                sessions.put(entry.streamId(), SessionRecord.fold(sessions.get(entry.streamId()), recorded));
            }
        }
        return new FoldedStory(client, new ArrayList<>(sessions.values()));
    }

    ClientHistory history() {
        return ClientHistory.of(client, sessions, null);
    }
}
