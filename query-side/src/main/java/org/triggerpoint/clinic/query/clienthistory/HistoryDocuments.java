package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.triggerpoint.clinic.events.storage.StoredInstants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of the view's documents in PostgreSQL. The mapper is this view's own (not a Spring bean), so the web
 * layer's JSON settings never change what is stored; it writes what the web layer's default settings write, as
 * session documents are served as stored. A change of a document's shape calls for a rebuild of the view.
 */
final class HistoryDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // A read parses the times in each of a client's sessions' facts (5 % of a history read's CPU, JFR).
            .addModule(StoredInstants.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private HistoryDocuments() {
    }

    /**
     * The document's JSON text exactly as the web layer would write the same value into an answer: to UTF-8, where
     * Jackson escapes a character beyond U+FFFF as its two UTF-16 surrogates. A session's document is served as it
     * is stored, so it must read byte for byte as the record serialised into the answer did.
     */
    static String write(Object document) {
        return new String(writeUtf8(document), StandardCharsets.UTF_8);
    }

    /** The same JSON text as {@link #write}, as its UTF-8 bytes. */
    static byte[] writeUtf8(Object document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("Cannot write a " + document.getClass().getSimpleName() + " document",
                    failure);
        }
    }

    /**
     * Reads a stored document from its UTF-8 bytes as the JDBC driver received them ({@code getBytes} on a text, json
     * or jsonb column), without decoding them into text first.
     */
    static <T> T read(byte[] utf8, Class<T> type) {
        try {
            return JSON.readValue(utf8, type);
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot read a stored " + type.getSimpleName()
                    + " document; rebuild the client-history view if its shape has changed", failure);
        }
    }
}
