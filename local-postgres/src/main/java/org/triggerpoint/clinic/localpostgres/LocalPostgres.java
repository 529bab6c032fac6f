package org.triggerpoint.clinic.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default of {@code ./clinic run}: a real PostgreSQL from Maven, its data kept in a directory between
 * runs. Usage: {@code java -jar local-postgres-exec.jar DATA_DIR PORT}. Prints {@code READY <jdbc-url>} once the
 * database {@code clinic} accepts connections, and stops PostgreSQL when the process is ended.
 */
public final class LocalPostgres {

    static final String DATABASE = "clinic";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalPostgres DATA_DIR PORT");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setOverrideWorkingDirectory(new File(dataDirectory.getParent().toFile(), "pg-binaries"))
                    .start();
        } catch (IOException | IllegalStateException e) {
            System.err.println("The embedded PostgreSQL could not start here (" + rootCause(e).getMessage()
                    + "). Point the clinic at a PostgreSQL server instead: set CLINIC_DB_URL (and CLINIC_DB_USER,"
                    + " CLINIC_DB_PASSWORD), e.g. CLINIC_DB_URL=jdbc:postgresql://127.0.0.1:5432/clinic");
            System.exit(3);
            return;
        }
        createDatabaseIfMissing(postgres);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "local-postgres-stop"));
        System.out.println("READY " + postgres.getJdbcUrl("postgres", DATABASE));
        System.out.flush();
        stopped.await();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
