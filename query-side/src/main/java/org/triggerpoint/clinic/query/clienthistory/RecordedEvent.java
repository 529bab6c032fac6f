package org.triggerpoint.clinic.query.clienthistory;

import org.axonframework.eventhandling.EventMessage;

/**
 * An event of a client's record with the user who caused it: the command side puts the signed-in user in each
 * event's metadata as {@code actor}; the events themselves hold only clinical facts.
 */
record RecordedEvent(Object event, String actor) {

    static final String ACTOR = "actor";

    static RecordedEvent of(EventMessage<?> message) {
        Object actor = message.getMetaData().get(ACTOR);
        return new RecordedEvent(message.getPayload(), actor == null ? null : actor.toString());
    }
}
