package org.triggerpoint.clinic.events;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.triggerpoint.clinic.events.client.ClientDataErased;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.ConsentGiven;
import org.triggerpoint.clinic.events.client.ConsentScope;
import org.triggerpoint.clinic.events.client.ConsentWithdrawn;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.session.AmendedField;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionAmended;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.therapist.TherapistDeactivated;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.therapist.TherapistRegistered;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.UserDeactivated;
import org.triggerpoint.clinic.events.user.UserRegistered;
import org.triggerpoint.clinic.events.user.UserRolesChanged;
import org.triggerpoint.clinic.events.user.Username;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events as the event store keeps them: written by the one serializer both sides use, read back unchanged, and
 * plain enough for a reviewer to read in the database: coded values as JSON scalars, not wrapped in objects, and
 * personal values as marked cipher values.
 */
class StoredJsonTest {

    private static final String CLIENT_UUID = "0195a3c0-0000-7000-8000-00000000c001";
    private static final String SESSION_UUID = "0195a3c0-0000-7000-8000-000000005e55";
    private static final String THERAPIST_UUID = "0195a3c0-0000-7000-8000-0000000000a1";
    private static final String TRIGGER_POINT_UUID = "0195a3c0-0000-7000-8000-0000000007b1";
    private static final String AMENDMENT_UUID = "0195a3c0-0000-7000-8000-00000000a3e1";

    private static final ClientId CLIENT = ClientId.of(CLIENT_UUID);
    private static final SessionId SESSION = SessionId.of(SESSION_UUID);
    private static final TherapistId THERAPIST = TherapistId.of(THERAPIST_UUID);
    private static final TriggerPointId TRIGGER_POINT = TriggerPointId.of(TRIGGER_POINT_UUID);
    private static final Username GRACE = new Username("grace.hopper");
    private static final Instant AT = Instant.parse("2025-03-04T09:15:00Z");

    private final Serializer serializer = EventJson.newSerializer(new InMemoryKeyring());

    /** One instance of every event, keyed by its class. */
    private static final Map<Class<?>, Object> EVERY_EVENT = Stream.of(
            new ClientRegistered(CLIENT, new ClientDetails("Ada", "Lovelace", LocalDate.of(1980, 5, 17),
                    "ada@example.org", "+44 20 7946 0000"), AT),
            new ConsentGiven(CLIENT, ConsentScope.TREATMENT, AT),
            new ClientDataErased(CLIENT, "Client asked to be forgotten", "GDPR Art. 17(1)(a)",
                    Instant.parse("2032-03-04T09:15:00Z"), AT),
            new ConsentWithdrawn(CLIENT, ConsentScope.DATA_PROCESSING, AT),
            new IntakeRecorded(CLIENT, Set.of(PresentingCondition.TENSION_HEADACHE_OR_MIGRAINE,
                    PresentingCondition.NECK_SHOULDER_OR_JAW_TENSION), new FreeText("Headaches since a desk job"),
                    null, AT),
            new TherapistRegistered(THERAPIST, "Dr. Janet Travell", "MT-20931", AT),
            new TherapistDeactivated(THERAPIST, AT),
            new SessionStarted(SESSION, CLIENT, THERAPIST, AT),
            new AssessmentRecorded(SESSION, CLIENT, new PainScore(7), new FreeText("Aching right temple"),
                    new FreeText("Head forward"), List.of(new FreeText("Turning the head to the right")),
                    List.of(BodyRegion.NECK), List.of(new RangeOfMotion("cervical spine", "rotation", Side.RIGHT, 55,
                    true)), AT),
            new TriggerPointIdentified(SESSION, CLIENT, TRIGGER_POINT, Muscle.UPPER_TRAPEZIUS, Side.RIGHT,
                    TriggerPointKind.ACTIVE, new FreeText("Refers to the right temple"), LocalTwitchResponse.VISIBLE,
                    new PressurePainThreshold(new BigDecimal("2.5")), AT),
            new TriggerPointReleased(SESSION, CLIENT, TRIGGER_POINT, PressureTechnique.STATIC, new HoldDuration(90),
                    TissueResponse.RELEASED, true, null, AT),
            new TechniqueApplied(SESSION, CLIENT, FollowUpTechnique.MYOFASCIAL_STRETCHING, null, AT),
            new SessionCompleted(SESSION, CLIENT, new PainScore(3), new FreeText("Temple ache eased"), AT),
            new SorenessReported(SESSION, CLIENT, new HoursAfterSession(24), new SorenessSeverity(3), true, null, AT),
            new SessionAmended(SESSION, CLIENT, AmendmentId.of(AMENDMENT_UUID), Set.of(AmendedField.PAIN_SCORE),
                    new SessionRecordValues(new PainScore(7), null, null, null, null, null),
                    new SessionRecordValues(new PainScore(8), null, null, null, null, null),
                    new FreeText("Transcribed wrongly"), AT),
            new UserRegistered(GRACE, Set.of(Role.THERAPIST), AT),
            new UserRolesChanged(GRACE, Set.of(Role.THERAPIST, Role.AUDITOR), Set.of(Role.AUDITOR), Set.of(), AT),
            new UserDeactivated(GRACE, AT)
    ).collect(Collectors.toMap(Object::getClass, Function.identity()));

    static Stream<Object> everyEvent() {
        return EVERY_EVENT.values().stream();
    }

    @Test
    void thisTestHasAnInstanceOfEveryEvent() {
        Set<String> events = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.triggerpoint.clinic.events")
                .stream()
                .filter(javaClass -> javaClass.isAnnotatedWith(Revision.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(EVERY_EVENT.keySet()).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(events);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventReadsBackAsItWasWritten(Object event) {
        SerializedObject<String> stored = serializer.serialize(event, String.class);

        Object readBack = serializer.deserialize(stored);

        assertThat(readBack).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventReadsBackAlikeWhenItsClassAndReaderAreAlreadyKnown(Object event) {
        SerializedObject<String> stored = serializer.serialize(event, String.class);
        Object firstRead = serializer.deserialize(stored);

        Object secondRead = serializer.deserialize(stored);

        assertThat(secondRead).isEqualTo(firstRead).isEqualTo(event).isNotSameAs(firstRead);
        assertThat(serializer.classForType(stored.getType())).isEqualTo(event.getClass());
    }

    @Test
    void everyEventReadsBackThroughOneSerializerThatHasReadTheOthers() {
        for (int round = 0; round < 2; round++) {
            for (Object event : EVERY_EVENT.values()) {
                Object readBack = serializer.deserialize(serializer.serialize(event, String.class));
                assertThat(readBack).isEqualTo(event);
            }
        }
    }

    @Test
    void aTypeNameThatNamesNoClassIsReadAsUnknownEveryTime() {
        SerializedObject<String> stored = new SimpleSerializedObject<>("{\"a\":1}", String.class,
                "org.triggerpoint.clinic.events.NoSuchEvent", "1");

        Object firstRead = serializer.deserialize(stored);
        Object secondRead = serializer.deserialize(stored);

        assertThat(firstRead).isInstanceOf(UnknownSerializedType.class);
        assertThat(secondRead).isInstanceOf(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventIsStoredUnderItsClassNameAndRevision(Object event) {
        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(stored.getType().getRevision()).isEqualTo(event.getClass().getAnnotation(Revision.class).value());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void noValueIsWrappedInAnObject(Object event) {
        String json = stored(event);

        // the component names of the value records: they show up only if a value lost its @JsonValue
        assertThat(json).doesNotContain("\"value\":", "\"points\":", "\"seconds\":", "\"hours\":", "\"text\":",
                "\"kgPerSquareCentimetre\":");
    }

    @Test
    void idsDatesAndTimesAreStoredAsPlainStrings() {
        assertThat(stored(EVERY_EVENT.get(ClientRegistered.class)))
                .contains("\"clientId\":\"" + CLIENT_UUID + "\"")
                .contains("\"registeredAt\":\"2025-03-04T09:15:00Z\"");
        assertThat(stored(EVERY_EVENT.get(SessionStarted.class)))
                .contains("\"sessionId\":\"" + SESSION_UUID + "\"")
                .contains("\"therapistId\":\"" + THERAPIST_UUID + "\"");
        assertThat(stored(EVERY_EVENT.get(SessionAmended.class)))
                .contains("\"amendmentId\":\"" + AMENDMENT_UUID + "\"");
        assertThat(stored(EVERY_EVENT.get(UserRegistered.class)))
                .contains("\"username\":\"grace.hopper\"")
                .contains("\"roles\":[\"THERAPIST\"]");
    }

    @Test
    void theAssessmentIsStoredAsScoresWordsAndCodes() {
        assertThat(stored(EVERY_EVENT.get(AssessmentRecorded.class)))
                .contains("\"painScore\":7")
                .contains("\"painPattern\":{\"cipher\":\"AES-256-GCM\",\"client\":\"" + CLIENT_UUID + "\",\"data\":\"")
                .contains("\"movementRestrictions\":[{\"cipher\":\"AES-256-GCM\"")
                .doesNotContain("Aching right temple", "Turning the head")
                .contains("\"regions\":[\"NECK\"]")
                .contains("\"rangeOfMotion\":[{\"joint\":\"cervical spine\",\"movement\":\"rotation\","
                        + "\"side\":\"RIGHT\",\"degrees\":55,\"active\":true}]");
    }

    @Test
    void triggerPointsAndTheirReleaseAreStoredAsCodesAndNumbers() {
        assertThat(stored(EVERY_EVENT.get(TriggerPointIdentified.class)))
                .contains("\"triggerPointId\":\"" + TRIGGER_POINT_UUID + "\"")
                .contains("\"muscle\":\"UPPER_TRAPEZIUS\"")
                .contains("\"pressurePainThreshold\":2.5");
        assertThat(stored(EVERY_EVENT.get(TriggerPointReleased.class)))
                .contains("\"hold\":90")
                .contains("\"tissueResponse\":\"RELEASED\"")
                .contains("\"pressurePainThresholdAfter\":null");
    }

    @Test
    void completionSorenessAndAmendmentsAreStoredAsNumbers() {
        assertThat(stored(EVERY_EVENT.get(SessionCompleted.class))).contains("\"postSessionPainScore\":3");
        assertThat(stored(EVERY_EVENT.get(SorenessReported.class)))
                .contains("\"hoursAfterSession\":24")
                .contains("\"severity\":3")
                .contains("\"resolved\":true");
        assertThat(stored(EVERY_EVENT.get(SessionAmended.class)))
                .contains("\"corrects\":[\"PAIN_SCORE\"]")
                .contains("\"original\":{\"painScore\":7,")
                .contains("\"corrected\":{\"painScore\":8,");
    }

    private String stored(Object event) {
        return serializer.serialize(event, String.class).getData();
    }
}
