package org.triggerpoint.clinic.events.storage;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering the classes it has found for the stored type names and a reader per class.
 * <p>
 * Axon's serializer looks each event's class up by name ({@code Class.forName} through Jackson's type factory and
 * the application's class loader) and creates a reader for it, for every event it decodes: in a rebuild of the views,
 * where decoding was a quarter of the query side's CPU, the lookup was 22 % of the decoding and the readers 8 %
 * (async-profiler). A stored type name always names the same class in a running process (and a name that names
 * none, never one: Axon answers it with {@link UnknownSerializedType}), and a reader is immutable, so both are kept
 * once found.
 */
final class RememberingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    RememberingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName()); // looked up first: computeIfAbsent is handed a new lambda
        return known != null ? known : classes.computeIfAbsent(type.getName(), name -> super.classForType(type));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        ObjectReader known = readers.get(type);
        return known != null ? known : readers.computeIfAbsent(type, super::getReader);
    }
}
