package org.triggerpoint.clinic.query.outcomes;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What outcomes are grouped by: the {@code groupBy} parameter, and the {@code dimension} of the rollup tables. */
enum Grouping {
    /** The client's presenting conditions from their intake in force when the session was signed. */
    CONDITION("condition"),
    /** Each muscle with a trigger point identified in the session. */
    MUSCLE("muscle"),
    /** Each pressure technique used to release a trigger point in the session. */
    PRESSURE("pressure"),
    /** The therapist who recorded the session, by id only. */
    THERAPIST("therapist"),
    /** The month the session started, {@code YYYY-MM} (UTC). */
    MONTH("month");

    private final String parameter;

    Grouping(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    static Optional<Grouping> named(String parameter) {
        return Arrays.stream(values()).filter(grouping -> grouping.parameter.equals(parameter)).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(Grouping::parameter).collect(Collectors.joining(", "));
    }
}
