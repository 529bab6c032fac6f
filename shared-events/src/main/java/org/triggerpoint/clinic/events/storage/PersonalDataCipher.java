package org.triggerpoint.clinic.events.storage;

import org.triggerpoint.clinic.events.client.ClientId;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM, an authenticated cipher: a changed byte fails to decrypt instead of reading as other data. Each value
 * has its own random 96-bit nonce, stored before the ciphertext; the client's id is bound in as associated data, so
 * a value copied into another client's record does not decrypt there.
 */
public final class PersonalDataCipher {

    public static final String NAME = "AES-256-GCM";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher object per thread, initialised afresh for every value: looking the transformation up among the
     * security providers cost more than the decryption itself when a view is rebuilt (profiled with JFR).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available in this JVM", e);
        }
    });

    private PersonalDataCipher() {
    }

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JVM", e);
        }
    }

    public static SecretKey key(byte[] material) {
        return new SecretKeySpec(material, "AES");
    }

    public static byte[] encrypt(ClientId clientId, SecretKey key, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(clientId));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting personal data failed", e);
        }
    }

    public static byte[] decrypt(ClientId clientId, SecretKey key, byte[] sealed) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(clientId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data of client " + clientId
                    + " does not decrypt: it was altered, or belongs to another client", e);
        }
    }

    private static byte[] associatedData(ClientId clientId) {
        return clientId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
