package org.triggerpoint.clinic.endtoend;

import org.triggerpoint.clinic.localpostgres.TestDatabase;

/**
 * Both processes started from their packaged jars on a database of their own, the command side first (it migrates
 * the event store), each on a free port; stopped and the database dropped on {@link #close()}.
 */
final class RunningClinic implements AutoCloseable {

    static final String ADMIN_PASSWORD = "end-to-end-admin-password-1";

    private final TestDatabase database = TestDatabase.create();
    private ClinicNode commandSide;
    private ClinicNode querySide;

    RunningClinic(String... queryArguments) {
        try {
            ClinicNode.Database where = new ClinicNode.Database(database.url(), database.user(), database.password());
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
