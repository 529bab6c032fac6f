package org.triggerpoint.clinic.events;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.upcasting.AssessmentRecordedWithoutRegionsUpcaster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Assessments stored before body regions existed still read, as assessments naming no region. */
class AssessmentRecordedUpcasterTest {

    private static final SessionId SESSION = SessionId.of("0195a3c0-0000-7000-8000-000000005e55");
    private static final ClientId CLIENT = ClientId.of("0195a3c0-0000-7000-8000-00000000c001");

    private final Serializer serializer = EventJson.newSerializer(new InMemoryKeyring());
    private final AssessmentRecordedWithoutRegionsUpcaster upcaster = new AssessmentRecordedWithoutRegionsUpcaster();

    @Test
    void aRevisionOneAssessmentReadsAsRevisionTwoWithNoRegions() throws IOException {
        IntermediateEventRepresentation upcast =
                upcast(AssessmentRecorded.class.getName(), "1", fixture("assessment-recorded-revision-1.json"));

        assertThat(upcast.getType().getName()).isEqualTo(AssessmentRecorded.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        AssessmentRecorded assessment = serializer.deserialize(upcast.getData());
        assertThat(assessment.regions()).isEmpty();
        assertThat(assessment).isEqualTo(new AssessmentRecorded(SESSION, CLIENT, new PainScore(7),
                new FreeText("Aching right temple, worse after screen work"), new FreeText("Head forward, shoulders up"),
                List.of(new FreeText("Turning the head to the right"), new FreeText("Looking up")), List.of(),
                List.of(new RangeOfMotion("cervical spine", "rotation", Side.RIGHT, 55, true)),
                Instant.parse("2024-11-12T14:30:00Z")));
    }

    @Test
    void aRevisionTwoAssessmentIsLeftAlone() {
        AssessmentRecorded assessment = new AssessmentRecorded(SESSION, CLIENT, new PainScore(5),
                new FreeText("Deep ache in the buttock"), new FreeText("Pelvis tilted"), List.of(),
                List.of(BodyRegion.HIP_AND_GLUTEAL), List.of(), Instant.parse("2025-03-04T09:05:00Z"));
        SerializedObject<String> stored = serializer.serialize(assessment, String.class);

        IntermediateEventRepresentation upcast =
                upcast(stored.getType().getName(), stored.getType().getRevision(), stored.getData());

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(String.class).getData()).isEqualTo(stored.getData());
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(assessment);
    }

    @Test
    void otherEventsAreLeftAlone() {
        SessionStarted started = new SessionStarted(SESSION, CLIENT,
                TherapistId.of("0195a3c0-0000-7000-8000-0000000000a1"), Instant.parse("2025-03-04T09:00:00Z"));
        SerializedObject<String> stored = serializer.serialize(started, String.class);

        IntermediateEventRepresentation upcast =
                upcast(stored.getType().getName(), stored.getType().getRevision(), stored.getData());

        assertThat(upcast.getType()).isEqualTo(stored.getType());
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(started);
    }

    /** Runs the upcaster over one event as the event store would hand it over: a row of text columns. */
    private IntermediateEventRepresentation upcast(String payloadType, String revision, String payload) {
        GenericDomainEventEntry<String> row = new GenericDomainEventEntry<>("Session", SESSION.toString(), 1,
                "0195a3c0-0000-7000-8000-0000000e7e01", Instant.parse("2025-03-04T09:05:00Z"), payloadType, revision,
                payload, "{}");
        List<IntermediateEventRepresentation> result =
                upcaster.upcast(Stream.of(new InitialEventRepresentation(row, serializer))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = AssessmentRecordedUpcasterTest.class.getResourceAsStream("/fixtures/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
