package org.triggerpoint.clinic.events.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON form of events and their metadata as stored. Both sides read the same store, so both build Axon's
 * serializer from this one mapper; the web layer's JSON settings never change what is stored.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A reader older than the writer skips fields it does not know yet (tolerant reader).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Axon's serializer for events, metadata, snapshots and tokens: readable JSON, no Java serialization. */
    public static Serializer newSerializer() {
        return JacksonSerializer.builder().objectMapper(newObjectMapper()).build();
    }
}
