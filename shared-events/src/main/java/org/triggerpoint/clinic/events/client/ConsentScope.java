package org.triggerpoint.clinic.events.client;

/** What a client consents to; each is given and withdrawn on its own. */
public enum ConsentScope {
    TREATMENT,
    DATA_PROCESSING
}
