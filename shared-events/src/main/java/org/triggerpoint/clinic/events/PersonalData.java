package org.triggerpoint.clinic.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value that identifies a client or that a clinician wrote in their own words.
 * Such values are erased with the client's key; coded clinical values (scores, muscles,
 * durations) are not marked and stay usable for analytics after an erasure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
