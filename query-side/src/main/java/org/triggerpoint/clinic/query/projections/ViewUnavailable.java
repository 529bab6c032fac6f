package org.triggerpoint.clinic.query.projections;

/** The view cannot answer right now (it is being rebuilt, or has not caught up in time); answered with 503. */
public class ViewUnavailable extends RuntimeException {

    public ViewUnavailable(String detail) {
        super(detail);
    }
}
