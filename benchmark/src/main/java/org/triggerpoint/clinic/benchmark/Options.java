package org.triggerpoint.clinic.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to run, from the command line and the environment. Sizes: full (default), {@code --quick} (under 5 minutes on
 * two cores) and {@code --micro} (the smoke test's: seconds, not minutes; its figures mean nothing).
 */
final class Options {

    /**
     * The parts of a run: command throughput with its raw baseline, latency and lag (they need the throughput);
     * the rebuild with its raw baseline; the query latencies. {@code --only=rebuild,queries} runs some of them.
     */
    enum Step { COMMANDS, REBUILD, QUERIES }

    String size = "full";
    Set<Step> steps = EnumSet.allOf(Step.class);
    int[] concurrency = {1, 8, 32};
    int secondsPerLevel = 60;
    int latencySeconds = 60;
    /**
     * The command warm-up before step 1: rounds of every client at once, until neither process is still compiling, but
     * at least {@link #commandWarmUpSeconds} and at most {@link #commandWarmUpMaxSeconds}.
     */
    int commandWarmUpRoundSeconds = 10;
    int commandWarmUpSeconds = 30;
    int commandWarmUpMaxSeconds = 600;
    /**
     * The load of steps 2 and 3 in commands/s when set ({@code --latency-rate=R}): to compare two builds or settings at
     * the same load, as half the best level moves with the best level. Unset: half the best level, as the issue asks.
     */
    Double latencyRate;
    int lagProbes = 200;
    int historySessions = 100;
    int queryRepetitions = 500;
    /** How long each query is read uncounted before it is measured (the history twice as long). */
    int warmUpSeconds = 5;
    /**
     * The fewest uncounted reads of the history before it is measured, however long they take. The JVM compiles a
     * method with its optimising compiler (C2) once it has run about 5 000 times ({@code Tier4InvocationThreshold}),
     * and the request path (security, the read log, the controller) runs once per read: on a slow machine a warm-up
     * of 10 s read the history about 1 200 times, and the reads after it were still getting faster (BENCHMARKS.md,
     * session 17).
     */
    int historyWarmUpReads = 6_000;
    int rebuildEvents = 1_000_000;
    /**
     * Whether the rebuild waits for the command side to anchor the generated events first. Not in the quick run,
     * which would wait up to a minute (the anchor job's schedule) of its five, for an anchor of 200 000 events.
     */
    boolean anchorBeforeRebuild = true;
    /**
     * The command side's anchor schedule, where not the clinic's own (each minute): the smoke test should not wait a
     * minute for the anchor.
     */
    String anchorSchedule;
    String commandJar = System.getProperty("clinic.commandJar");
    String queryJar = System.getProperty("clinic.queryJar");
    String postgresJar = System.getProperty("clinic.postgresJar");
    List<String> javaOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseG1GC"));
    String databaseUrl = blankToNull(System.getenv("CLINIC_DB_URL"));
    String databaseUser = orDefault(System.getenv("CLINIC_DB_USER"), "postgres");
    String databasePassword = orDefault(System.getenv("CLINIC_DB_PASSWORD"), "");
    /** Set by {@code --running}: the processes to drive are already running there, on {@link #databaseUrl}. */
    String runningCommandUrl;
    String runningQueryUrl;
    String runningAdminPassword;

    static Options parse(String... args) {
        Options options = new Options();
        String javaOptions = blankToNull(System.getenv("CLINIC_JAVA_OPTS"));
        if (javaOptions != null) {
            options.javaOptions = new ArrayList<>(Arrays.asList(javaOptions.trim().split("\\s+")));
        }
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> options.quick();
                case "--micro" -> options.micro();
                case "--full" -> {
                }
                case "--running" -> options.running();
                default -> {
                    if (arg.startsWith("--events=")) {
                        options.rebuildEvents = Integer.parseInt(arg.substring("--events=".length()));
                    } else if (arg.startsWith("--only=")) {
                        options.steps = EnumSet.noneOf(Step.class);
                        for (String step : arg.substring("--only=".length()).split(",")) {
                            options.steps.add(Step.valueOf(step.trim().toUpperCase(java.util.Locale.ROOT)));
                        }
                    } else if (arg.startsWith("--latency-rate=")) {
                        options.latencyRate = Double.parseDouble(arg.substring("--latency-rate=".length()));
                    } else if (arg.startsWith("--seconds-per-level=")) {
                        options.secondsPerLevel = Integer.parseInt(arg.substring("--seconds-per-level=".length()));
                    } else if (arg.startsWith("--warm-up-max=")) {
                        options.commandWarmUpMaxSeconds = Integer.parseInt(arg.substring("--warm-up-max=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + arg
                                + "; usage: Benchmark [--quick|--micro] [--events=N] [--seconds-per-level=S]"
                                + " [--latency-rate=R] [--warm-up-max=S]"
                                + " [--only=commands,rebuild,queries] [--running]");
                    }
                }
            }
        }
        if (options.latencyRate != null && !(options.latencyRate > 0)) {
            throw new IllegalArgumentException("--latency-rate takes commands per second above zero");
        }
        if (options.runningCommandUrl == null && (options.commandJar == null || options.queryJar == null)) {
            throw new IllegalArgumentException("set -Dclinic.commandJar and -Dclinic.queryJar (./clinic bench does)");
        }
        return options;
    }

    boolean usesRunningProcesses() {
        return runningCommandUrl != null;
    }

    /**
     * Drives running processes (as {@code ./clinic bench --running} finds them) instead of starting its own. It adds
     * its users, therapists, clients and generated events to their database, and rebuilds their views: not for a
     * clinic's real database.
     */
    private void running() {
        runningCommandUrl = orDefault(blankToNull(System.getenv("CLINIC_COMMAND_URL")), "http://127.0.0.1:8080");
        runningQueryUrl = orDefault(blankToNull(System.getenv("CLINIC_QUERY_URL")), "http://127.0.0.1:8081");
        runningAdminPassword = blankToNull(System.getenv("CLINIC_ADMIN_PASSWORD"));
        if (databaseUrl == null || runningAdminPassword == null) {
            throw new IllegalArgumentException("--running needs the running system's database in CLINIC_DB_URL "
                    + "(./clinic bench sets ./clinic run's) and its admin password in CLINIC_ADMIN_PASSWORD");
        }
    }

    boolean measures(Step step) {
        return steps.contains(step);
    }

    private void quick() {
        size = "quick";
        secondsPerLevel = 10;
        latencySeconds = 10;
        commandWarmUpRoundSeconds = 5;
        commandWarmUpSeconds = 10;
        commandWarmUpMaxSeconds = 40;
        lagProbes = 100;
        historySessions = 100;
        queryRepetitions = 200;
        warmUpSeconds = 2;
        historyWarmUpReads = 3_000;
        rebuildEvents = 200_000;
        anchorBeforeRebuild = false;
    }

    private void micro() {
        size = "micro";
        concurrency = new int[] {1, 2};
        secondsPerLevel = 1;
        latencySeconds = 1;
        commandWarmUpRoundSeconds = 1;
        commandWarmUpSeconds = 1;
        commandWarmUpMaxSeconds = 2;
        lagProbes = 5;
        historySessions = 3;
        queryRepetitions = 5;
        warmUpSeconds = 0;
        historyWarmUpReads = 0;
        rebuildEvents = 1_000;
        anchorSchedule = "*/2 * * * * *";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
