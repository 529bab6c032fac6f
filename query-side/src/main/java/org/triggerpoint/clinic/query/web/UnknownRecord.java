package org.triggerpoint.clinic.query.web;

/** A view was asked for a record it does not hold; answered with 404. */
public class UnknownRecord extends RuntimeException {

    public UnknownRecord(String kind, Object id) {
        super("No " + kind + " with id " + id);
    }
}
