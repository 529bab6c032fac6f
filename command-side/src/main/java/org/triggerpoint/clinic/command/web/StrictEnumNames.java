package org.triggerpoint.clinic.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Arrays;

/**
 * A coded value (side, muscle, technique, role...) in a command is one of its names exactly as written. Jackson on its
 * own would also take {@code "LEFT "} or {@code "RELEASED\u0000"} (it trims) and {@code "1"} (an index); in a clinical
 * record such input is refused, with 400 naming the field, like any other unknown name. (Numbers are refused by
 * {@code spring.jackson.deserialization.fail-on-numbers-for-enums}.)
 */
@Component
class StrictEnumNames extends SimpleModule {

    StrictEnumNames() {
        super("strict-enum-names");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                             BeanDescription description,
                                                             JsonDeserializer<?> deserializer) {
                return new ExactName(type.getRawClass(), deserializer);
            }
        });
    }

    private static final class ExactName extends DelegatingDeserializer {

        private final Class<?> enumType;

        ExactName(Class<?> enumType, JsonDeserializer<?> delegate) {
            super(delegate);
            this.enumType = enumType;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactName(enumType, delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                boolean known = Arrays.stream(enumType.getEnumConstants())
                        .anyMatch(constant -> ((Enum<?>) constant).name().equals(text));
                if (!known) {
                    return context.handleWeirdStringValue(enumType, text, "not one of the names of %s",
                            enumType.getSimpleName());
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
