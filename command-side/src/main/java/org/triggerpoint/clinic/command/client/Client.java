package org.triggerpoint.clinic.command.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.client.IntakeRecorded;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client of the clinic and their consent. Sessions are aggregates of their own; they learn whether a client may be
 * treated from the command-side client registry, which follows this aggregate's events.
 * The {@code @JsonProperty} fields are what a snapshot of a client holds.
 */
@Aggregate(snapshotTriggerDefinition = "clientSnapshotTrigger")
public class Client {

    @AggregateIdentifier
    @JsonProperty
    private ClientId clientId;

    @JsonProperty
    private Set<ConsentScope> consents = EnumSet.noneOf(ConsentScope.class);

    @JsonProperty
    private boolean erased;

    protected Client() {
        // for Axon and for snapshots
    }

    @CommandHandler
    public Client(RegisterClient command) {
        if (!command.consentToTreatment() || !command.consentToDataProcessing()) {
            throw new RuleViolation(ClientRule.CONSENT_REQUIRED_TO_REGISTER,
                    "A client can be registered only with consent to treatment and to data processing");
        }
        apply(new ClientRegistered(command.clientId(), command.details(), command.registeredAt()));
        apply(new ConsentGiven(command.clientId(), ConsentScope.TREATMENT, command.registeredAt()));
        apply(new ConsentGiven(command.clientId(), ConsentScope.DATA_PROCESSING, command.registeredAt()));
    }

    @CommandHandler
    public void handle(RecordIntake command) {
        requireNotErased();
        requireConsentToDataProcessing();
        apply(new IntakeRecorded(clientId, command.conditions(), command.history(), command.goals(),
                command.recordedAt()));
    }

    @CommandHandler
    public void handle(ChangeConsent command) {
        requireNotErased();
        changeConsent(ConsentScope.TREATMENT, command.consentToTreatment(), command.changedAt());
        changeConsent(ConsentScope.DATA_PROCESSING, command.consentToDataProcessing(), command.changedAt());
    }

    /**
     * Erasure destroys the client's key (see the privacy package), so every personal value of their record becomes
     * unreadable at once. Inside the retention period it needs a stated legal basis, which the event records.
     */
    @CommandHandler
    public void handle(EraseClientData command, ClientRegistry registry, RetentionPeriod retention) {
        requireNotErased();
        Instant retainUntil = retention.endsAfter(registry.lastActivity(clientId).orElse(command.requestedAt()));
        boolean withinRetention = command.requestedAt().isBefore(retainUntil);
        if (withinRetention && (command.legalBasis() == null || command.legalBasis().isBlank())) {
            throw new RuleViolation(ClientRule.WITHIN_RETENTION_PERIOD, "The records of client " + clientId
                    + " must be kept until " + retainUntil + " (retention period " + retention.period()
                    + " after the last session); give a legalBasis to erase them earlier");
        }
        apply(new ClientDataErased(clientId, command.reason(), command.legalBasis(), retainUntil,
                command.requestedAt()));
    }

    private void requireNotErased() {
        if (erased) {
            throw new RuleViolation(ClientRule.CLIENT_DATA_ERASED,
                    "The personal data of client " + clientId + " was erased");
        }
    }

    private void changeConsent(ConsentScope scope, boolean consents, Instant at) {
        if (consents && !this.consents.contains(scope)) {
            apply(new ConsentGiven(clientId, scope, at));
        } else if (!consents && this.consents.contains(scope)) {
            apply(new ConsentWithdrawn(clientId, scope, at));
        }
    }

    private void requireConsentToDataProcessing() {
        if (!consents.contains(ConsentScope.DATA_PROCESSING)) {
            throw new RuleViolation(ClientRule.DATA_PROCESSING_CONSENT_REQUIRED,
                    "Client " + clientId + " has withdrawn consent to the processing of their data");
        }
    }

    @EventSourcingHandler
    void on(ClientRegistered event) {
        clientId = event.clientId();
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.add(event.scope());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.scope());
    }

    @EventSourcingHandler
    void on(ClientDataErased event) {
        erased = true;
    }
}
