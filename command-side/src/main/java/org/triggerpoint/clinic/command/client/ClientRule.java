package org.triggerpoint.clinic.command.client;

import org.triggerpoint.clinic.command.common.Rule;

public enum ClientRule implements Rule {
    CONSENT_REQUIRED_TO_REGISTER("consent-required-to-register",
            "A client is registered only with consent to treatment and to the processing of their data"),
    DATA_PROCESSING_CONSENT_REQUIRED("data-processing-consent-required",
            "Nothing new is recorded about a client who has withdrawn consent to the processing of their data"),
    CLIENT_DATA_ERASED("client-data-erased",
            "Nothing new is recorded about a client whose personal data was erased, and it is erased once"),
    WITHIN_RETENTION_PERIOD("within-retention-period",
            "A client's records are kept for the retention period unless a legal basis for erasure is given");

    private final String code;
    private final String statement;

    ClientRule(String code, String statement) {
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
