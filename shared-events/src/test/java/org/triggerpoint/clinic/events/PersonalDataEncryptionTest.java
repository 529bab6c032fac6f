package org.triggerpoint.clinic.events;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal values are stored encrypted under their client's key; destroying the key erases exactly them. */
class PersonalDataEncryptionTest {

    private static final ClientId AVERY = ClientId.of("0195a3c0-0000-7000-8000-0000000000a7");
    private static final ClientId BLAKE = ClientId.of("0195a3c0-0000-7000-8000-0000000000b1");
    private static final Instant AT = Instant.parse("2025-03-04T09:15:00Z");

    private final InMemoryKeyring keyring = new InMemoryKeyring();
    private final Serializer serializer = EventJson.newSerializer(keyring);

    private final ClientRegistered registered = new ClientRegistered(AVERY, new ClientDetails("Avery", "Quinlan",
            LocalDate.of(1984, 3, 12), "avery@example.org", "+1 555 0100"), AT);
    private final AssessmentRecorded assessed = new AssessmentRecorded(SessionId.of(
            "0195a3c0-0000-7000-8000-000000005e55"), AVERY, new PainScore(7), new FreeText("Ache from neck to temple"),
            new FreeText("Forward head"), List.of(new FreeText("Cervical rotation left limited")),
            List.of(BodyRegion.NECK), List.of(), AT);

    @Test
    void noPersonalValueIsStoredInClear() {
        String details = serializer.serialize(registered, String.class).getData();
        String assessment = serializer.serialize(assessed, String.class).getData();

        assertThat(details).doesNotContain("Avery", "Quinlan", "1984-03-12", "avery@example.org", "555 0100");
        assertThat(assessment).doesNotContain("Ache from neck", "Forward head", "Cervical rotation")
                .contains("\"painScore\":7", "\"regions\":[\"NECK\"]");
    }

    @Test
    void theClientsKeyReadsTheValuesBack() {
        assertThat(roundTrip(registered)).isEqualTo(registered);
        assertThat(roundTrip(assessed)).isEqualTo(assessed);
    }

    @Test
    void afterTheKeyIsDestroyedPersonalValuesReadAsErasedAndCodedValuesStay() {
        SerializedObject<String> details = serializer.serialize(registered, String.class);
        SerializedObject<String> assessment = serializer.serialize(assessed, String.class);

        keyring.destroy(AVERY);

        ClientRegistered erasedRegistration = serializer.deserialize(details);
        assertThat(erasedRegistration.clientId()).isEqualTo(AVERY);
        assertThat(erasedRegistration.registeredAt()).isEqualTo(AT);
        assertThat(erasedRegistration.details()).isNull();
        AssessmentRecorded erasedAssessment = serializer.deserialize(assessment);
        assertThat(erasedAssessment.painScore()).isEqualTo(new PainScore(7));
        assertThat(erasedAssessment.regions()).containsExactly(BodyRegion.NECK);
        assertThat(erasedAssessment.painPattern().isErased()).isTrue();
        assertThat(erasedAssessment.movementRestrictions()).allSatisfy(text -> assertThat(text.isErased()).isTrue());
    }

    @Test
    void nothingPersonalIsWrittenForAClientWhoseKeyIsDestroyed() {
        keyring.destroy(AVERY);

        assertThatThrownBy(() -> serializer.serialize(new IntakeRecorded(AVERY,
                Set.of(PresentingCondition.RESIDUAL_INJURY_PAIN), new FreeText("Fell off a bike"), null, AT),
                String.class)).hasRootCauseInstanceOf(ClientKeyring.ClientDataErasedException.class);
    }

    @Test
    void aValueMovedIntoAnotherClientsRecordDoesNotDecrypt() {
        keyring.keyForWriting(BLAKE);
        String stored = serializer.serialize(assessed, String.class).getData();
        String moved = stored.replace(AVERY.toString(), BLAKE.toString());

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(moved, String.class,
                AssessmentRecorded.class.getName(), "2")))
                .cause().cause().hasMessageContaining("does not decrypt");
    }

    @Test
    void valuesOutsideAClientsRecordStayReadable() {
        String stored = serializer.serialize(new TherapistRegistered(TherapistId.of(
                "0195a3c0-0000-7000-8000-0000000000a1"), "Dana Whitfield", "RMT-10442", AT), String.class).getData();

        assertThat(stored).contains("\"displayName\":\"Dana Whitfield\"");
    }

    private <T> T roundTrip(T event) {
        return serializer.deserialize(serializer.serialize(event, String.class));
    }
}
