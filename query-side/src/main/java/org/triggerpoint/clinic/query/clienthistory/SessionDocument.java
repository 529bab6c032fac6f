package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.swagger.v3.oas.annotations.media.Schema;

import java.io.IOException;

/**
 * A session's record as the view keeps it: its JSON document, the very text the history answers with, beside the
 * facts the client's summaries are made of. A history writes the document out as it is stored, without parsing it
 * and serialising it again (for a client with a hundred sessions, that was most of a read's work), nor decoding its
 * bytes into text ({@link StoredJson}). The OpenAPI description shows it as the {@link SessionRecord} it was written
 * from.
 */
@Schema(implementation = SessionRecord.class)
record SessionDocument(StoredJson json, SessionFacts facts) implements JsonSerializable {

    static SessionDocument of(SessionRecord session) {
        return new SessionDocument(StoredJson.of(HistoryDocuments.writeUtf8(session)), SessionFacts.of(session));
    }

    /** The record with its values, for the readers that need them rather than its text (the FHIR export). */
    SessionRecord record() {
        return HistoryDocuments.read(json.asUnquotedUTF8(), SessionRecord.class);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(generator, serializers);
    }
}
