package org.triggerpoint.clinic.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system under test: a fresh database {@code clinic_bench_<random>} on the PostgreSQL of {@code CLINIC_DB_URL}
 * (or on an embedded PostgreSQL started from the local-postgres jar, as {@code ./clinic run} does), and both
 * processes started from their jars on it, the command side first. {@link #close()} stops them and drops the database.
 * With {@code --running}, the processes already running and their database instead; {@link #close()} then only drops
 * the benchmark's scratch tables.
 */
final class BenchClinic implements AutoCloseable {

    static final List<String> SCRATCH_TABLES = List.of("public.bench_raw_event", "public.bench_raw_view");

    final String adminPassword;
    final String databaseUrl;
    final String user;
    final String password;
    private final String commandUrl;
    private final String queryUrl;
    private final boolean ownProcesses;
    private final String serverUrl;
    private final String databaseName = "clinic_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Path workDirectory;
    private final Api api = new Api();
    private Process embeddedPostgres;
    private Process commandSide;
    private Process querySide;
    private boolean failed;

    BenchClinic(Options options) throws IOException {
        workDirectory = Files.createTempDirectory("clinic-bench-");
        ownProcesses = !options.usesRunningProcesses();
        user = options.databaseUser;
        password = options.databasePassword;
        if (!ownProcesses) {
            serverUrl = null;
            databaseUrl = options.databaseUrl;
            adminPassword = options.runningAdminPassword;
            commandUrl = options.runningCommandUrl;
            queryUrl = options.runningQueryUrl;
            log("driving the running processes at " + commandUrl + " and " + queryUrl + ", database " + databaseUrl);
            dropScratchTables();
            return;
        }
        adminPassword = "bench-admin-" + UUID.randomUUID();
        int commandPort = freePort();
        int queryPort = freePort();
        commandUrl = "http://127.0.0.1:" + commandPort;
        queryUrl = "http://127.0.0.1:" + queryPort;
        String databaseOnServer = null;
        try {
            if (options.databaseUrl != null) {
                serverUrl = options.databaseUrl;
                log("using the PostgreSQL at " + serverUrl);
            } else {
                serverUrl = startEmbeddedPostgres(options.postgresJar);
            }
            execute(serverUrl, "create database " + databaseName);
            databaseOnServer = urlOf(serverUrl, databaseName);
            log("fresh database " + databaseName);
        } catch (IOException | RuntimeException e) {
            stop(embeddedPostgres);
            throw e;
        }
        databaseUrl = databaseOnServer;
        try {
            commandSide = start("command-side", options.commandJar, commandPort, options.javaOptions,
                    options.anchorSchedule == null ? List.of()
                            : List.of("--clinic.audit.anchor-schedule=" + options.anchorSchedule));
            querySide = start("query-side", options.queryJar, queryPort, options.javaOptions, List.of());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String commandUrl() {
        return commandUrl;
    }

    String queryUrl() {
        return queryUrl;
    }

    Connection connect() throws SQLException {
        return connect(databaseUrl);
    }

    /** With {@code multiRowInserts}, the driver sends a statement batch of inserts as multi-row inserts. */
    Connection connect(boolean multiRowInserts) throws SQLException {
        return connect(databaseUrl, multiRowInserts);
    }

    /** The command side's process id; -1 if a running process cannot be found. */
    long commandSidePid() {
        return ownProcesses ? commandSide.pid() : ListeningProcess.pidOf(URI.create(commandUrl).getPort());
    }

    long querySidePid() {
        return ownProcesses ? querySide.pid() : ListeningProcess.pidOf(URI.create(queryUrl).getPort());
    }

    private String startEmbeddedPostgres(String jar) throws IOException {
        int port = freePort();
        log("starting an embedded PostgreSQL on port " + port);
        Path logFile = workDirectory.resolve("postgres.log");
        embeddedPostgres = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar,
                workDirectory.resolve("postgres").toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
                if (lines.anyMatch(line -> line.startsWith("READY "))) {
                    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                }
            }
            if (!embeddedPostgres.isAlive()) {
                throw new IllegalStateException("the embedded PostgreSQL could not start: "
                        + Files.readString(logFile) + "\nset CLINIC_DB_URL to use a PostgreSQL server instead");
            }
            sleep(250);
        }
        throw new IllegalStateException("the embedded PostgreSQL did not start within 120 s");
    }

    private Process start(String name, String jar, int port, List<String> javaOptions, List<String> settings)
            throws IOException {
        log("starting " + name + " on port " + port);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar, "--server.port=" + port));
        command.addAll(settings);
        File logFile = workDirectory.resolve(name + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile);
        Map<String, String> environment = new HashMap<>(Map.of(
                "CLINIC_DB_URL", databaseUrl,
                "CLINIC_DB_USER", user,
                "CLINIC_DB_PASSWORD", password,
                "CLINIC_ADMIN_PASSWORD", adminPassword,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String baseUrl = "http://127.0.0.1:" + port;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(logFile));
            }
            if (api.healthy(baseUrl)) {
                return process;
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not report healthy within 180 s:\n" + tail(logFile));
    }

    /** Peak resident set of a process (VmHWM), in MiB; -1 when it cannot be read. */
    static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        if (!ownProcesses) {
            dropScratchTables();
            return;
        }
        stop(querySide);
        stop(commandSide);
        if (databaseUrl != null) {
            try {
                execute(serverUrl, "drop database if exists " + databaseName + " with (force)");
            } catch (RuntimeException e) {
                log("could not drop " + databaseName + ": " + e.getMessage());
            }
        }
        stop(embeddedPostgres);
        keepLogs();
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }

    /** The processes' logs are kept when the benchmark stops them, as with {@code CLINIC_BENCH_LOGS}. */
    void keepLogsOfAFailedRun() {
        failed = true;
    }

    /**
     * With {@code CLINIC_BENCH_LOGS} set to a directory, the processes' logs are copied there before they go; after a
     * failed run, into a new temporary directory when it is not set, so that what failed can be read.
     */
    private void keepLogs() {
        String kept = System.getenv("CLINIC_BENCH_LOGS");
        if ((kept == null || kept.isBlank()) && !failed) {
            return;
        }
        try (Stream<Path> logs = Files.list(workDirectory)) {
            Path directory = kept == null || kept.isBlank()
                    ? Files.createTempDirectory("clinic-bench-logs-")
                    : Files.createDirectories(Path.of(kept));
            for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                Files.copy(log, directory.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            log("logs kept in " + directory.toAbsolutePath());
        } catch (IOException | UncheckedIOException e) {
            log("could not keep the logs in " + kept + ": " + e.getMessage());
        }
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dropScratchTables() {
        SCRATCH_TABLES.forEach(table -> execute(databaseUrl, "drop table if exists " + table));
    }

    private Connection connect(String url) throws SQLException {
        return connect(url, false);
    }

    private Connection connect(String url, boolean multiRowInserts) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("reWriteBatchedInserts", Boolean.toString(multiRowInserts));
        return DriverManager.getConnection(url, properties);
    }

    private void execute(String url, String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String urlOf(String serverUrl, String name) {
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    private static String tail(File file) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file.toPath()), StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String message) {
        System.err.println("bench: " + message);
    }
}
