package org.triggerpoint.clinic.endtoend;

import org.triggerpoint.clinic.localpostgres.TestDatabase;

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
 * Both processes started from their packaged jars on a database of their own, the command side first (it migrates
 * the event store), each on a free port; stopped and the database dropped on {@link #close()}.
 */
final class RunningClinic implements AutoCloseable {

    static final String ADMIN_PASSWORD = "end-to-end-admin-password-1";

    private final TestDatabase database = TestDatabase.create();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final int commandPort = freePort();
    final int queryPort = freePort();

    RunningClinic(String... queryArguments) {
        try {
            start("command-side", System.getProperty("clinic.commandJar"), commandPort);
            start("query-side", System.getProperty("clinic.queryJar"), queryPort, queryArguments);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    TestDatabase database() {
        return database;
    }

    String commandUrl() {
        return "http://127.0.0.1:" + commandPort;
    }

    String queryUrl() {
        return "http://127.0.0.1:" + queryPort;
    }

    private void start(String name, String jar, int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar, "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target", name + "-" + port + ".log"));
        builder.environment().putAll(Map.of(
                "CLINIC_DB_URL", database.url(),
                "CLINIC_DB_USER", database.user(),
                "CLINIC_DB_PASSWORD", database.password(),
                "CLINIC_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        try {
            Process process = builder.start();
            processes.add(process);
            awaitHealthy(name, process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " from " + jar, e);
        }
    }

    private void awaitHealthy(String name, Process process, int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + "; see end-to-end/target/" + name + "-" + port + ".log");
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
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
        throw new IllegalStateException(name + " did not report healthy within 120 s");
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.close();
    }

    private static int freePort() {
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
