package org.triggerpoint.clinic.command.therapist;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.therapist.TherapistDeactivated;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;

import java.time.Instant;

import static org.triggerpoint.clinic.command.common.Refusals.breaking;

class TherapistTest {

    private static final TherapistId THERAPIST = TherapistId.of("0195a3c0-0000-7000-8000-0000000000a1");
    private static final TherapistId COLLEAGUE = TherapistId.of("0195a3c0-0000-7000-8000-0000000000a2");
    private static final String LICENSE = "MT-20931";
    private static final Instant REGISTERED_AT = Instant.parse("2025-02-01T08:00:00Z");
    private static final Instant DEACTIVATED_AT = Instant.parse("2025-06-30T17:00:00Z");

    private final InMemoryTherapistRoster roster = new InMemoryTherapistRoster();
    private FixtureConfiguration<Therapist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Therapist.class);
        fixture.registerInjectableResource(roster);
    }

    @Test
    void canRegisterATherapistWithANewLicenceNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, "Dr. Janet Travell", LICENSE, REGISTERED_AT))
                .expectEvents(new TherapistRegistered(THERAPIST, "Dr. Janet Travell", LICENSE, REGISTERED_AT));
    }

    @Test
    void cannotRegisterTwoTherapistsWithTheSameLicenceNumber() {
        roster.register(COLLEAGUE, LICENSE, true);

        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, "Dr. Janet Travell", LICENSE, REGISTERED_AT))
                .expectException(breaking(TherapistRule.LICENSE_NUMBER_UNIQUE))
                .expectNoEvents();
    }

    @Test
    void canDeactivateAnActiveTherapist() {
        fixture.given(new TherapistRegistered(THERAPIST, "Dr. Janet Travell", LICENSE, REGISTERED_AT))
                .when(new DeactivateTherapist(THERAPIST, DEACTIVATED_AT))
                .expectEvents(new TherapistDeactivated(THERAPIST, DEACTIVATED_AT));
    }

    @Test
    void cannotDeactivateATherapistTwice() {
        fixture.given(new TherapistRegistered(THERAPIST, "Dr. Janet Travell", LICENSE, REGISTERED_AT),
                        new TherapistDeactivated(THERAPIST, DEACTIVATED_AT))
                .when(new DeactivateTherapist(THERAPIST, DEACTIVATED_AT.plusSeconds(3600)))
                .expectException(breaking(TherapistRule.ALREADY_DEACTIVATED))
                .expectNoEvents();
    }
}
