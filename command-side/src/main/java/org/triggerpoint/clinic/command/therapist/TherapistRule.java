package org.triggerpoint.clinic.command.therapist;

import org.triggerpoint.clinic.command.common.Rule;

public enum TherapistRule implements Rule {
    LICENSE_NUMBER_UNIQUE("license-number-already-registered",
            "A licence number belongs to one therapist of the clinic"),
    ALREADY_DEACTIVATED("therapist-already-deactivated",
            "A therapist is deactivated once");

    private final String code;
    private final String statement;

    TherapistRule(String code, String statement) {
        this.code = code;
        this.statement = statement;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String statement() {
        return statement;
    }
}
