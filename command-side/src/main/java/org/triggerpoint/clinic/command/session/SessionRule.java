package org.triggerpoint.clinic.command.session;

import org.triggerpoint.clinic.command.common.Rule;

/** The rules of a treatment session's record, as a therapist would state them. */
public enum SessionRule implements Rule {
    CLIENT_CONSENT_REQUIRED("client-consent-required",
            "A session is started only for a client who consents to treatment and to the processing of their data"),
    CLIENT_NOT_ERASED("client-data-erased",
            "No session is started for a client whose personal data was erased"),
    ACTIVE_THERAPIST_REQUIRED("active-therapist-required",
            "A session is started only by an active therapist of the clinic"),
    ASSESSMENT_RECORDED_ONCE("assessment-already-recorded",
            "A session has one assessment; after signing, correct it by an amendment"),
    ASSESSMENT_BEFORE_TRIGGER_POINTS("assessment-required-before-trigger-points",
            "An assessment comes before any trigger point"),
    RELEASE_OF_IDENTIFIED_TRIGGER_POINT("trigger-point-not-identified-in-session",
            "A release names a trigger point identified in the same session"),
    RELEASED_ONCE("trigger-point-already-released",
            "A trigger point is released once per session"),
    ASSESSMENT_BEFORE_COMPLETION("assessment-required-before-completion",
            "A session is completed only after its assessment"),
    SIGNED_RECORD_CLOSED("session-already-signed",
            "A signed session takes only soreness reports and amendments"),
    SORENESS_AFTER_COMPLETION("soreness-only-after-completion",
            "Soreness is reported only for a completed session"),
    AMENDMENT_AFTER_COMPLETION("amendment-only-after-completion",
            "Only a signed record is amended; before signing it is still being recorded"),
    AMENDMENT_CORRECTS_SOMETHING("amendment-corrects-nothing",
            "An amendment corrects at least one field of the record");

    private final String code;
    private final String statement;

    SessionRule(String code, String statement) {
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
