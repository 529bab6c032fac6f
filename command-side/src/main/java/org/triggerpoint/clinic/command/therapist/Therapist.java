package org.triggerpoint.clinic.command.therapist;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.events.therapist.TherapistDeactivated;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A therapist who treats at the clinic. Only an active therapist starts sessions. */
@Aggregate
public class Therapist {

    @AggregateIdentifier
    private TherapistId therapistId;
    private boolean active;

    protected Therapist() {
        // for Axon
    }

    @CommandHandler
    public Therapist(RegisterTherapist command, TherapistRoster roster) {
        if (roster.isLicenseNumberRegistered(command.licenseNumber())) {
            throw new RuleViolation(TherapistRule.LICENSE_NUMBER_UNIQUE,
                    "A therapist with licence number " + command.licenseNumber() + " is already registered");
        }
        apply(new TherapistRegistered(command.therapistId(), command.displayName(), command.licenseNumber(),
                command.registeredAt()));
    }

    @CommandHandler
    public void handle(DeactivateTherapist command) {
        if (!active) {
            throw new RuleViolation(TherapistRule.ALREADY_DEACTIVATED,
                    "Therapist " + therapistId + " is already deactivated");
        }
        apply(new TherapistDeactivated(therapistId, command.deactivatedAt()));
    }

    @EventSourcingHandler
    void on(TherapistRegistered event) {
        therapistId = event.therapistId();
        active = true;
    }

    @EventSourcingHandler
    void on(TherapistDeactivated event) {
        active = false;
    }
}
