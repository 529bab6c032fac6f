package org.triggerpoint.clinic.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Every text in a command is one the record can keep and every view can show: no NUL character (PostgreSQL stores
 * none, in text or jsonb: an event holding one stalled the query side's client history) and no half of a surrogate
 * pair (it is not a character; UTF-8 cannot carry it). Such a text is refused with 400 naming its field.
 */
@Component
class StorableText extends SimpleModule {

    StorableText() {
        super("storable-text");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                if (text != null) {
                    String wrong = whatIsWrong(text);
                    if (wrong != null) {
                        throw new Unstorable(parser, wrong);
                    }
                }
                return text;
            }
        });
    }

    static String whatIsWrong(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain half of a surrogate pair (not a Unicode character)";
            }
        }
        return null;
    }

    /** A text that cannot be stored; its message is the one the problem response gives for the field. */
    static final class Unstorable extends JsonMappingException {
        Unstorable(JsonParser parser, String message) {
            super(parser, message);
        }
    }
}
