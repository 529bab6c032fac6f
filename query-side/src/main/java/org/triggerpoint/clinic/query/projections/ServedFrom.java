package org.triggerpoint.clinic.query.projections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one of its methods) as answering from a view: a request with {@code X-Consistency-Token}
 * waits until that view includes the token's events, and while the view is being rebuilt the answer says so.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ServedFrom {

    View value();
}
