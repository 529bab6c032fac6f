package org.triggerpoint.clinic.localpostgres;

import java.util.UUID;

/**
 * A database of its own for one test run: created empty on {@link #create()}, dropped on {@link #close()}, so two
 * runs, even at once, never see each other's data.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestDatabase create() {
        PostgresServer server = PostgresServer.forTests();
        String name = "clinic_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.execute("create database " + name);
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return server.urlOf(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    @Override
    public void close() {
        server.execute("drop database if exists " + name + " with (force)");
    }
}
