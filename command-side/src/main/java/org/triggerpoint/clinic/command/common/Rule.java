package org.triggerpoint.clinic.command.common;

/**
 * A rule of the clinical record that a command can break. Each aggregate lists its rules as an enum; the REST layer
 * answers a broken rule with 409 and the rule's code, never by reading exception messages.
 */
public interface Rule {

    /** A stable, machine-readable code, e.g. {@code assessment-required-before-trigger-points}. */
    String code();

    /** The rule as a therapist would state it. */
    String statement();
}
