package org.triggerpoint.clinic.endtoend;

import org.triggerpoint.clinic.localpostgres.TestDatabase;

/**
 * Both processes started from their packaged jars on a database of their own, the command side first (it migrates
 * the event store), each on a free port; stopped and the database dropped on {@link #close()}.
 */
final class RunningClinic implements AutoCloseable {

    static final String ADMIN_PASSWORD = "end-to-end-admin-password-1";

    private final TestDatabase database = TestDatabase.create();
    private final ClinicNode.Database where = new ClinicNode.Database(database.url(), database.user(),
            database.password());
    private ClinicNode commandSide;
    private ClinicNode querySide;

    RunningClinic(String... queryArguments) {
        try {
            commandSide = ClinicNode.start(ClinicNode.Side.COMMAND, where);
            querySide = ClinicNode.start(ClinicNode.Side.QUERY, where, queryArguments);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    TestDatabase database() {
        return database;
    }

    /** Where both processes keep their data, for a test that reads the database as a reviewer would. */
    ClinicNode.Database where() {
        return where;
    }

    ClinicNode commandSide() {
        return commandSide;
    }

    ClinicNode querySide() {
        return querySide;
    }

    String commandUrl() {
        return commandSide.url();
    }

    String queryUrl() {
        return querySide.url();
    }

    @Override
    public void close() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        database.close();
    }
}
