package org.triggerpoint.clinic.command.common;

import java.util.Objects;

/** A command was refused because the record's state forbids it. Nothing was stored. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = Objects.requireNonNull(rule);
    }

    public Rule rule() {
        return rule;
    }
}
