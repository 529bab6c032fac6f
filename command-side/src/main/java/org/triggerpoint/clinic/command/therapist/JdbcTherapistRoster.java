package org.triggerpoint.clinic.command.therapist;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.events.therapist.TherapistDeactivated;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;

import java.util.Optional;

/**
 * The roster as a command-side lookup table, kept by a subscribing processor in the transaction of the therapist's
 * events. Its unique licence number also settles two registrations racing with the same number: one fails, with the
 * rule (see LookupTableConfiguration: a failing handler fails its command).
 */
@Component
@ProcessingGroup("therapist-roster")
class JdbcTherapistRoster implements TherapistRoster {

    private final JdbcClient jdbc;

    JdbcTherapistRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RosteredTherapist> find(TherapistId therapistId) {
        return jdbc.sql("select active from command.therapist_roster where therapist_id = ?")
                .param(therapistId.value())
                .query((rs, row) -> new RosteredTherapist(therapistId, rs.getBoolean(1)))
                .optional();
    }

    @Override
    public boolean isLicenseNumberRegistered(String licenseNumber) {
        return jdbc.sql("select exists (select 1 from command.therapist_roster where license_number = ?)")
                .param(licenseNumber)
                .query(Boolean.class)
                .single();
    }

    /**
     * A registration racing another with the same licence number (on this node or another) waits here for the first
     * to commit and then fails: its command is refused with the rule, and its events are not stored.
     */
    @EventHandler
    void on(TherapistRegistered event) {
        try {
            jdbc.sql("""
                            insert into command.therapist_roster (therapist_id, license_number, active)
                            values (?, ?, true) on conflict (therapist_id) do nothing""")
                    .param(event.therapistId().value())
                    .param(event.licenseNumber())
                    .update();
        } catch (DuplicateKeyException licenceTaken) {
            throw new RuleViolation(TherapistRule.LICENSE_NUMBER_UNIQUE,
                    "A therapist with licence number " + event.licenseNumber() + " is already registered");
        }
    }

    @EventHandler
    void on(TherapistDeactivated event) {
        jdbc.sql("update command.therapist_roster set active = false where therapist_id = ?")
                .param(event.therapistId().value())
                .update();
    }
}
