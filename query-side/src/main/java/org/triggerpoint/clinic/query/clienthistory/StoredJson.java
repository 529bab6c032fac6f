package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON value kept as the UTF-8 bytes PostgreSQL holds, written into an answer byte for byte
 * ({@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)}). A client's history carries a
 * hundred session documents; decoding each into a {@code String} and encoding it back into UTF-8 for the answer
 * allocated twice their size again, and the encoding was 13 % of a history read's CPU (JFR). The quoted forms (the
 * value as a JSON string) are there because the interface asks for them; the history never writes a document as a
 * string.
 */
final class StoredJson implements SerializableString {

    private final byte[] utf8;

    private StoredJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** A JSON text's UTF-8 bytes, as the JDBC driver received them or Jackson wrote them; they are never changed. */
    static StoredJson of(byte[] utf8) {
        return new StoredJson(utf8);
    }

    /** The JSON text. */
    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    /** The bytes themselves, as Jackson's {@code SerializedString} gives its cached ones: Jackson only reads them. */
    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return copy(utf8, buffer, offset);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return copy(getValue().toCharArray(), buffer, offset);
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return copy(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return copy(asQuotedChars(), buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] quoted = asQuotedUTF8();
        out.write(quoted);
        return quoted.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        byte[] quoted = asQuotedUTF8();
        if (quoted.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(quoted);
        return quoted.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredJson json && Arrays.equals(utf8, json.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return getValue();
    }

    /** Copies all of {@code from} into {@code buffer} at {@code offset}, or nothing (-1) if it does not fit. */
    private static int copy(byte[] from, byte[] buffer, int offset) {
        if (from.length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(from, 0, buffer, offset, from.length);
        return from.length;
    }

    private static int copy(char[] from, char[] buffer, int offset) {
        if (from.length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(from, 0, buffer, offset, from.length);
        return from.length;
    }
}
