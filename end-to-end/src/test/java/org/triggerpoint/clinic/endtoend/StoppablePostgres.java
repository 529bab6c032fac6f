package org.triggerpoint.clinic.endtoend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own, that the test can stop and start again on the same data directory and
 * port, to see what the clinic does while its database is away. Never the machine's shared server, which other test
 * runs use. Its data directory (under {@code target/}) is deleted on {@link #close()}.
 */
final class StoppablePostgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port = ClinicNode.freePort();
    private EmbeddedPostgres running;

    private StoppablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** A new server, started, with an empty database {@code name} in it. */
    static StoppablePostgres startWithDatabase(String name) {
        try {
            Files.createDirectories(Path.of("target"));
            StoppablePostgres postgres = new StoppablePostgres(Files.createTempDirectory(Path.of("target"),
                    "stoppable-postgres-").toAbsolutePath());
            postgres.start();
            postgres.execute("postgres", "create database " + name);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again), on the same data and port. */
    void start() {
        try {
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** Stops the server as an operator would ({@code pg_ctl stop -m fast}): open transactions are rolled back. */
    void stop() {
        try {
            running.close();
            running = null;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop on port " + port, e);
        }
    }

    /** Where database {@code name} of this server is, as the clinic's processes take it. */
    ClinicNode.Database database(String name) {
        return new ClinicNode.Database("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, "");
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void execute(String database, String sql) {
        ClinicNode.Database where = database(database);
        try (Connection connection = DriverManager.getConnection(where.url(), where.user(), where.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on port " + port, e);
        }
    }
}
