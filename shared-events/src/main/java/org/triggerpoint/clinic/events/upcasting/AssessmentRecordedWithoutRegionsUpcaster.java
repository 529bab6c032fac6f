package org.triggerpoint.clinic.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;

/**
 * Assessments recorded before body regions were part of the record (revision 1) read as assessments that name
 * no region: nothing is invented for them.
 */
public class AssessmentRecordedWithoutRegionsUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(AssessmentRecorded.class.getName(), "1");
    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(AssessmentRecorded.class.getName(), REVISION_2),
                JsonNode.class,
                payload -> {
                    ((ObjectNode) payload).putArray("regions");
                    return payload;
                });
    }
}
