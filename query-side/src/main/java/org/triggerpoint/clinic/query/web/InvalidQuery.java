package org.triggerpoint.clinic.query.web;

/** A query parameter that cannot be answered, named; answered with 400. */
public class InvalidQuery extends RuntimeException {

    private final String field;

    public InvalidQuery(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
