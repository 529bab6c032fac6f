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
 * serializer from here; the web layer's JSON settings never change what is stored. Personal values of a client's
 * record are encrypted under the client's key ({@link PersonalDataModule}).
 */
public final class EventJson {

    private EventJson() {
    }

    /** The mapper of stored events, personal values in clear: for tests and for what is already decrypted. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StoredInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A reader older than the writer skips fields it does not know yet (tolerant reader).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The mapper of stored events, sealing and unsealing personal values with the clients' keys. */
    public static ObjectMapper newObjectMapper(ClientKeyring keyring) {
        ObjectMapper mapper = newObjectMapper();
        mapper.registerModule(new PersonalDataModule(keyring, newObjectMapper()));
        return mapper;
    }

    /** Axon's serializer for events, metadata, snapshots and tokens: readable JSON, no Java serialization. */
    public static Serializer newSerializer(ClientKeyring keyring) {
        return new RememberingJacksonSerializer(JacksonSerializer.builder().objectMapper(newObjectMapper(keyring)));
    }
}
