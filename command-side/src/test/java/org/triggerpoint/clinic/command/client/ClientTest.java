package org.triggerpoint.clinic.command.client;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.client.IntakeRecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import static org.triggerpoint.clinic.command.common.Refusals.breaking;
import static org.triggerpoint.clinic.events.client.ConsentScope.DATA_PROCESSING;
import static org.triggerpoint.clinic.events.client.ConsentScope.TREATMENT;
import static org.triggerpoint.clinic.events.client.PresentingCondition.NECK_SHOULDER_OR_JAW_TENSION;
import static org.triggerpoint.clinic.events.client.PresentingCondition.TENSION_HEADACHE_OR_MIGRAINE;

class ClientTest {

    private static final ClientId CLIENT = ClientId.of("0195a3c0-0000-7000-8000-00000000c001");
    private static final ClientDetails DETAILS = new ClientDetails("Ada", "Lovelace", LocalDate.of(1980, 5, 17),
            "ada@example.org", "+44 20 7946 0000");
    private static final Instant REGISTERED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-08T10:00:00Z");

    private FixtureConfiguration<Client> fixture;

    private final InMemoryClientRegistry registry = new InMemoryClientRegistry();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new RetentionPeriod(Period.ofYears(7)));
    }

    private static Object[] registered() {
        return new Object[]{
                new ClientRegistered(CLIENT, DETAILS, REGISTERED_AT),
                new ConsentGiven(CLIENT, TREATMENT, REGISTERED_AT),
                new ConsentGiven(CLIENT, DATA_PROCESSING, REGISTERED_AT)};
    }

    @Test
    void registeringAClientRecordsTheirConsentToTreatmentAndToDataProcessing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, DETAILS, true, true, REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void cannotRegisterAClientWithoutConsentToTreatment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, DETAILS, false, true, REGISTERED_AT))
                .expectException(breaking(ClientRule.CONSENT_REQUIRED_TO_REGISTER))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAClientWithoutConsentToDataProcessing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, DETAILS, true, false, REGISTERED_AT))
                .expectException(breaking(ClientRule.CONSENT_REQUIRED_TO_REGISTER))
                .expectNoEvents();
    }

    @Test
    void canRecordTheIntakeOfAConsentingClient() {
        fixture.given(registered())
                .when(new RecordIntake(CLIENT, Set.of(TENSION_HEADACHE_OR_MIGRAINE, NECK_SHOULDER_OR_JAW_TENSION),
                        new FreeText("Headaches since a desk job began"), new FreeText("Work without headaches"),
                        LATER))
                .expectEvents(new IntakeRecorded(CLIENT, Set.of(TENSION_HEADACHE_OR_MIGRAINE,
                        NECK_SHOULDER_OR_JAW_TENSION), new FreeText("Headaches since a desk job began"),
                        new FreeText("Work without headaches"), LATER));
    }

    @Test
    void cannotRecordTheIntakeOfAClientWhoWithdrewConsentToDataProcessing() {
        fixture.given(registered())
                .andGiven(new ConsentWithdrawn(CLIENT, DATA_PROCESSING, REGISTERED_AT.plusSeconds(60)))
                .when(new RecordIntake(CLIENT, Set.of(TENSION_HEADACHE_OR_MIGRAINE), null, null, LATER))
                .expectException(breaking(ClientRule.DATA_PROCESSING_CONSENT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void withdrawingConsentToTreatmentRecordsThatWithdrawalOnly() {
        fixture.given(registered())
                .when(new ChangeConsent(CLIENT, false, true, LATER))
                .expectEvents(new ConsentWithdrawn(CLIENT, TREATMENT, LATER));
    }

    @Test
    void withdrawingAllConsentRecordsAWithdrawalPerScope() {
        fixture.given(registered())
                .when(new ChangeConsent(CLIENT, false, false, LATER))
                .expectEvents(new ConsentWithdrawn(CLIENT, TREATMENT, LATER),
                        new ConsentWithdrawn(CLIENT, DATA_PROCESSING, LATER));
    }

    @Test
    void aClientCanGiveConsentAgainAfterWithdrawingIt() {
        fixture.given(registered())
                .andGiven(new ConsentWithdrawn(CLIENT, DATA_PROCESSING, REGISTERED_AT.plusSeconds(60)))
                .when(new ChangeConsent(CLIENT, true, true, LATER))
                .expectEvents(new ConsentGiven(CLIENT, DATA_PROCESSING, LATER));
    }

    @Test
    void restatingTheSameConsentRecordsNothing() {
        fixture.given(registered())
                .when(new ChangeConsent(CLIENT, true, true, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsPastTheirRetentionPeriodAreErasedOnRequest() {
        registry.lastActive(CLIENT, REGISTERED_AT);
        Instant eightYearsLater = Instant.parse("2033-03-01T10:00:00Z");

        fixture.given(registered())
                .when(new EraseClientData(CLIENT, "Client asked to be forgotten", null, eightYearsLater))
                .expectEvents(new ClientDataErased(CLIENT, "Client asked to be forgotten", null,
                        Instant.parse("2032-03-01T10:00:00Z"), eightYearsLater));
    }

    @Test
    void cannotEraseRecordsInsideTheirRetentionPeriodWithoutALegalBasis() {
        registry.lastActive(CLIENT, REGISTERED_AT);

        fixture.given(registered())
                .when(new EraseClientData(CLIENT, "Client asked to be forgotten", " ", LATER))
                .expectException(breaking(ClientRule.WITHIN_RETENTION_PERIOD))
                .expectNoEvents();
    }

    @Test
    void aStatedLegalBasisAllowsErasureInsideTheRetentionPeriod() {
        registry.lastActive(CLIENT, REGISTERED_AT);

        fixture.given(registered())
                .when(new EraseClientData(CLIENT, "Court order", "Court order 2025/118", LATER))
                .expectEvents(new ClientDataErased(CLIENT, "Court order", "Court order 2025/118",
                        Instant.parse("2032-03-01T10:00:00Z"), LATER));
    }

    @Test
    void aClientIsErasedOnce() {
        fixture.given(registered())
                .andGiven(new ClientDataErased(CLIENT, "Court order", "Court order 2025/118", LATER, LATER))
                .when(new EraseClientData(CLIENT, "Again", "Court order 2025/118", LATER))
                .expectException(breaking(ClientRule.CLIENT_DATA_ERASED))
                .expectNoEvents();
    }

    @Test
    void nothingNewIsRecordedAboutAnErasedClient() {
        fixture.given(registered())
                .andGiven(new ClientDataErased(CLIENT, "Court order", "Court order 2025/118", LATER, LATER))
                .when(new RecordIntake(CLIENT, Set.of(NECK_SHOULDER_OR_JAW_TENSION), null, null, LATER))
                .expectException(breaking(ClientRule.CLIENT_DATA_ERASED))
                .expectNoEvents();
    }
}
