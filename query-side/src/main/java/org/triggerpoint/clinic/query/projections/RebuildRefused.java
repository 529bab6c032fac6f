package org.triggerpoint.clinic.query.projections;

/** A rebuild this node cannot do now, e.g. while other query-side nodes share the view; answered with 409. */
public class RebuildRefused extends RuntimeException {

    RebuildRefused(View view, String reason) {
        super("The " + view.processorName() + " view is rebuilt by one query-side node alone, and " + reason
                + ". Stop the other nodes (a killed node's claims lapse within seconds), rebuild, then start them"
                + " again; nothing was changed.");
    }
}
