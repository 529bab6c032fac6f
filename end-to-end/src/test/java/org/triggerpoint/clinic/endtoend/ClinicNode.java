package org.triggerpoint.clinic.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of the clinic (the command side or the query side) started from its packaged jar on a free port,
 * against a given database. It can be stopped gently, killed as {@code kill -9} would, and started again on the same
 * port, so that tests can crash and restart a node.
 */
final class ClinicNode implements AutoCloseable {

    enum Side {
        COMMAND("command-side", "clinic.commandJar"),
        QUERY("query-side", "clinic.queryJar");

        private final String name;
        private final String jarProperty;

        Side(String name, String jarProperty) {
            this.name = name;
            this.jarProperty = jarProperty;
        }
    }

    /** Where a node's database is: JDBC url and credentials. */
    record Database(String url, String user, String password) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Side side;
    private final Database database;
    private final List<String> arguments;
    private final int port = freePort();
    private int starts;
    private Process process;

    private ClinicNode(Side side, Database database, List<String> arguments) {
        this.side = side;
        this.database = database;
        this.arguments = List.copyOf(arguments);
    }

    /** Starts the node and waits until its health endpoint answers 200. */
    static ClinicNode start(Side side, Database database, String... arguments) {
        ClinicNode node = new ClinicNode(side, database, List.of(arguments));
        node.start();
        return node;
    }

    /** Starts the node again (after {@link #kill()} or {@link #stop()}) on the same port and database. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(this + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseG1GC", "-jar", System.getProperty(side.jarProperty),
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log()));
        builder.environment().putAll(Map.of(
                "CLINIC_DB_URL", database.url(),
                "CLINIC_DB_USER", database.user(),
                "CLINIC_DB_PASSWORD", database.password(),
                "CLINIC_ADMIN_PASSWORD", RunningClinic.ADMIN_PASSWORD,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        try {
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + this, e);
        }
        awaitHealthy();
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hooks, no clean release of anything. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** Stops the process gently (SIGTERM), as an operator would. */
    void stop() {
        if (process != null) {
            process.destroy();
            if (!awaitExit()) {
                process.destroyForcibly();
                awaitExit();
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The node's console output, all its starts appended: {@code end-to-end/target/<side>-<port>.log}. */
    File log() {
        return new File("target", side.name + "-" + port + ".log");
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return side.name + " on port " + port + " (start " + starts + ")";
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited with " + process.exitValue() + "; see end-to-end/"
                        + log());
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(this + " did not report healthy within 120 s; see end-to-end/" + log());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
