package org.triggerpoint.clinic.query.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Path variables and request parameters that are ids, instants or whole numbers are read by {@link StrictValues}.
 * They are bound as property editors because Spring falls back to its own lenient editors (hexadecimal numbers, short
 * UUIDs) when a stricter converter refuses a value; a custom editor is asked first and has the last word.
 */
@ControllerAdvice
class StrictBinding {

    @InitBinder
    void readStrictly(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new Strict(StrictValues::uuid));
        binder.registerCustomEditor(Instant.class, new Strict(StrictValues::instant));
        binder.registerCustomEditor(int.class, new Strict(StrictValues::integer));
        binder.registerCustomEditor(Integer.class, new Strict(StrictValues::integer));
    }

    private static final class Strict extends PropertyEditorSupport {

        private final Function<String, ?> read;

        Strict(Function<String, ?> read) {
            this.read = read;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null ? null : read.apply(text));
        }
    }
}
