package org.triggerpoint.clinic.command.common;

/** A command named a client, therapist, session or user that the clinic does not have. */
public class UnknownRecord extends RuntimeException {

    private final String kind;
    private final String id;

    public UnknownRecord(String kind, Object id) {
        super("No " + kind + " with id " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
