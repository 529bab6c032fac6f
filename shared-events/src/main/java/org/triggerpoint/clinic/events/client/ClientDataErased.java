package org.triggerpoint.clinic.events.client;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The client's personal data was erased by destroying their key: every personal value in their record now reads as
 * erased, everywhere, backups included, while coded clinical values stay. The reason and legal basis are the
 * administrator's words about the erasure, kept readable for auditors; they must not contain personal data.
 * {@code retainUntil} is the end of the retention period the erasure was checked against.
 */
@Revision("1")
public record ClientDataErased(ClientId clientId, String reason, String legalBasis, Instant retainUntil,
                               Instant erasedAt) implements ClientRecordEvent {
}
