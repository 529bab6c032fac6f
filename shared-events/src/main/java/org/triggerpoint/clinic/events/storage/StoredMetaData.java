package org.triggerpoint.clinic.events.storage;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;

import java.util.function.Supplier;

/**
 * An event's metadata as stored, keeping what it was decoded to. Metadata hold no personal data (nothing in them is
 * sealed: {@link PersonalDataModule} seals values of a client's record event only), so every serializer of
 * {@link EventJson} decodes them alike, whatever its keyring; a reader that hands one stored event to several
 * serializers can have its metadata decoded once between them ({@link RememberingJacksonSerializer}).
 */
public final class StoredMetaData<T> implements SerializedObject<T> {

    private final SerializedObject<T> stored;
    private volatile Object decoded;

    public StoredMetaData(SerializedObject<T> stored) {
        this.stored = stored;
    }

    /** Decoded by whoever asks first; two who ask at once may both decode it, to equal values. */
    @SuppressWarnings("unchecked")
    <R> R decodedOnce(Supplier<R> decode) {
        Object known = decoded;
        if (known == null) {
            known = decode.get();
            decoded = known;
        }
        return (R) known;
    }

    @Override
    public Class<T> getContentType() {
        return stored.getContentType();
    }

    @Override
    public SerializedType getType() {
        return stored.getType();
    }

    @Override
    public T getData() {
        return stored.getData();
    }
}
