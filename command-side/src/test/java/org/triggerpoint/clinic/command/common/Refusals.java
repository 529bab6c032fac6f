package org.triggerpoint.clinic.command.common;

import org.hamcrest.Description;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import static org.hamcrest.Matchers.equalTo;

/**
 * Matchers for a refused command, for the fixture's {@code expectException(Matcher)}. A refusal is identified by its
 * typed rule (or the kind of record it did not find), never by its message: messages are for people and may change.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link RuleViolation} of exactly {@code rule}. */
    public static Matcher<RuleViolation> breaking(Rule rule) {
        return new FeatureMatcher<>(equalTo(rule), "a violation of the rule", "rule") {
            @Override
            protected Rule featureValueOf(RuleViolation violation) {
                return violation.rule();
            }
        };
    }

    /** An {@link UnknownRecord} naming a {@code kind} ("client", "therapist", ...) with id {@code id}. */
    public static Matcher<UnknownRecord> unknownRecord(String kind, Object id) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(UnknownRecord unknown, Description mismatch) {
                mismatch.appendText("was unknown ").appendValue(unknown.kind())
                        .appendText(" with id ").appendValue(unknown.id());
                return kind.equals(unknown.kind()) && String.valueOf(id).equals(unknown.id());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("unknown ").appendValue(kind).appendText(" with id ").appendValue(String.valueOf(id));
            }
        };
    }
}
