package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.client.PresentingCondition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A client's own record as the events of their stream left it: who they are, their consent (as it stands, and each
 * change), and their latest intake. Their sessions are records of their own ({@link SessionRecord}).
 */
record ClientRecord(UUID clientId, Details details, Instant registeredAt, Consent consent, Intake intake,
                    Erasure erasure) {

    /** Null details and texts once erased: the record says when, by whom, why and on what legal basis. */
    record Erasure(Instant erasedAt, String by, String reason, String legalBasis, Instant retainUntil) {
    }

    record Details(String givenName, String familyName, LocalDate dateOfBirth, String email, String phone) {
    }

    /** Consent as it stands, and every time it was given or withdrawn, by whom. */
    record Consent(boolean toTreatment, boolean toDataProcessing, List<ConsentChange> changes) {

        Consent after(ConsentChange change) {
            boolean given = change.change() == ConsentChange.Change.GIVEN;
            List<ConsentChange> allChanges = Stream.concat(changes.stream(), Stream.of(change)).toList();
            return switch (change.scope()) {
                case TREATMENT -> new Consent(given, toDataProcessing, allChanges);
                case DATA_PROCESSING -> new Consent(toTreatment, given, allChanges);
            };
        }
    }

    record ConsentChange(ConsentScope scope, Change change, Instant at, String by) {

        enum Change {
            GIVEN,
            WITHDRAWN
        }
    }

    /** Why the client came, and in their words their history and goals; a later intake replaces an earlier one. */
    record Intake(List<PresentingCondition> conditions, String history, String goals, Instant recordedAt,
                  String recordedBy) {
    }

    /**
     * The record after {@code recorded}, an event of the client's own stream. {@code before} is null until the client
     * is registered; their stream begins with the registration.
     */
    static ClientRecord fold(ClientRecord before, RecordedEvent recorded) {
        Object event = recorded.event();
        if (event instanceof ClientRegistered registered) {
            ClientDetails details = registered.details();
            return new ClientRecord(registered.clientId().value(), details == null ? null
                    : new Details(details.givenName(), details.familyName(), details.dateOfBirth(), details.email(),
                    details.phone()),
                    registered.registeredAt(), new Consent(false, false, List.of()), null, null);
        }
        if (before == null) {
            throw new IllegalStateException("A client's " + event.getClass().getSimpleName()
                    + " came before their registration");
        }
        if (event instanceof ConsentGiven given) {
            return before.withConsent(new ConsentChange(given.scope(), ConsentChange.Change.GIVEN, given.givenAt(),
                    recorded.actor()));
        }
        if (event instanceof ConsentWithdrawn withdrawn) {
            return before.withConsent(new ConsentChange(withdrawn.scope(), ConsentChange.Change.WITHDRAWN,
                    withdrawn.withdrawnAt(), recorded.actor()));
        }
        if (event instanceof IntakeRecorded intake) {
            return new ClientRecord(before.clientId, before.details, before.registeredAt, before.consent,
                    new Intake(intake.conditions().stream().sorted().toList(), Plain.text(intake.history()),
                            Plain.text(intake.goals()), intake.recordedAt(), recorded.actor()), before.erasure);
        }
        if (event instanceof ClientDataErased erased) {
            Intake intake = before.intake == null ? null : new Intake(before.intake.conditions(), null, null,
                    before.intake.recordedAt(), before.intake.recordedBy());
            return new ClientRecord(before.clientId, null, before.registeredAt, before.consent, intake,
                    new Erasure(erased.erasedAt(), recorded.actor(), erased.reason(), erased.legalBasis(),
                            erased.retainUntil()));
        }
        throw new IllegalArgumentException("Not an event of a client's own record: " + event.getClass().getName());
    }

    private ClientRecord withConsent(ConsentChange change) {
        return new ClientRecord(clientId, details, registeredAt, consent.after(change), intake, erasure);
    }
}
