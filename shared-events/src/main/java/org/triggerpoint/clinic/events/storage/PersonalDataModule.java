package org.triggerpoint.clinic.events.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRecordEvent;

import java.io.IOException;
import java.util.Base64;

/**
 * Writes the personal values of a client's record ({@link FreeText}, {@link ClientDetails}) as cipher values under
 * the client's key, and reads them back, or as erased once the key is gone. A cipher value is a JSON object that says
 * what it is: {@code {"cipher":"AES-256-GCM","client":"<client id>","data":"<base64 nonce+ciphertext>"}}.
 * The client is the one of the enclosing {@link ClientRecordEvent}; a value outside any client's record (none today)
 * is written in clear.
 */
final class PersonalDataModule extends SimpleModule {

    static final String CIPHER = "cipher";
    static final String CLIENT = "client";
    static final String DATA = "data";

    PersonalDataModule(ClientKeyring keyring, ObjectMapper plain) {
        super("personal-data");
        addSerializer(FreeText.class, new Sealing<>(FreeText.class, keyring, plain));
        addSerializer(ClientDetails.class, new Sealing<>(ClientDetails.class, keyring, plain));
        addDeserializer(FreeText.class, new Unsealing<>(FreeText.class, keyring, plain, FreeText.ERASED));
        addDeserializer(ClientDetails.class, new Unsealing<>(ClientDetails.class, keyring, plain, null));
    }

    private static final class Sealing<T> extends StdSerializer<T> {

        private final transient ClientKeyring keyring;
        private final transient ObjectMapper plain;

        Sealing(Class<T> type, ClientKeyring keyring, ObjectMapper plain) {
            super(type);
            this.keyring = keyring;
            this.plain = plain;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            ClientId client = owningClient(generator.getOutputContext());
            if (client == null) {
                plain.writeValue(generator, value);
                return;
            }
            byte[] sealed = PersonalDataCipher.encrypt(client, keyring.keyForWriting(client),
                    plain.writeValueAsBytes(value));
            generator.writeStartObject();
            generator.writeStringField(CIPHER, PersonalDataCipher.NAME);
            generator.writeStringField(CLIENT, client.toString());
            generator.writeStringField(DATA, Base64.getEncoder().encodeToString(sealed));
            generator.writeEndObject();
        }

        /** Jackson records the object being written at each level: the nearest client record event names the client. */
        private static ClientId owningClient(JsonStreamContext context) {
            for (JsonStreamContext level = context; level != null; level = level.getParent()) {
                if (level.getCurrentValue() instanceof ClientRecordEvent event) {
                    return event.clientId();
                }
            }
            return null;
        }
    }

    private static final class Unsealing<T> extends StdDeserializer<T> {

        private final transient ClientKeyring keyring;
        private final transient ObjectMapper plain;
        private final transient T erased;

        Unsealing(Class<T> type, ClientKeyring keyring, ObjectMapper plain, T erased) {
            super(type);
            this.keyring = keyring;
            this.plain = plain;
            this.erased = erased;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) handledType();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return plain.readValue(parser, type);
            }
            JsonNode node = parser.readValueAsTree();
            if (!node.has(CIPHER)) {
                return plain.treeToValue(node, type);
            }
            ClientId client = ClientId.of(node.get(CLIENT).asText());
            return keyring.keyForReading(client)
                    .map(key -> PersonalDataCipher.decrypt(client, key,
                            Base64.getDecoder().decode(node.get(DATA).asText())))
                    .map(bytes -> read(bytes, type))
                    .orElse(erased);
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return null;
        }

        private T read(byte[] json, Class<T> type) {
            try {
                return plain.readValue(json, type);
            } catch (IOException e) {
                throw new IllegalStateException("Decrypted personal data is not a " + type.getSimpleName(), e);
            }
        }
    }
}
