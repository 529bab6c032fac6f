package org.triggerpoint.clinic.command.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain's format as the README documents it, computed in Java apart from the database's functions, so that
 * tests show the stored hashes are what an outside auditor would compute from the rows.
 */
public final class ChainFormat {

    private ChainFormat() {
    }

    /** sha256(previous, or nothing for a stream's first event, followed by each field as length:bytes). */
    public static byte[] eventHash(byte[] previous, String... storedFields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (previous != null) {
            bytes.writeBytes(previous);
        }
        for (String field : storedFields) {
            bytes.writeBytes(field(field));
        }
        return sha256(bytes.toByteArray());
    }

    static byte[] field(String value) {
        byte[] utf8 = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((utf8.length + ":").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(utf8);
        return bytes.toByteArray();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
