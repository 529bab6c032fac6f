package org.triggerpoint.clinic.events.client;

/**
 * An event that belongs to a client's record: the client's own events and those of their sessions. Views that
 * gather a client's record process these in order per client; privacy and audit find the client through it.
 */
public interface ClientRecordEvent {

    ClientId clientId();
}
