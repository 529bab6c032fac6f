package org.triggerpoint.clinic.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ./clinic bench [--quick]}: both processes started from their jars on a fresh database, driven over HTTP like
 * real clients; raw PostgreSQL measured on the same table shapes in the same run. Prints a human summary, then the
 * key=value lines of the issue, last.
 */
public final class Benchmark {

    static final String PASSWORD = "bench-therapist-password-1";
    /** The figures, in the order the issue lists them: printed last, one key=value a line. */
    static final List<String> KEYS = List.of("commands_per_s", "raw_insert_tx_per_s", "command_throughput_ratio",
            "command_p99_ms_at_half_load", "view_lag_p50_ms", "view_lag_p99_ms", "rebuild_events_per_s",
            "raw_scan_insert_rows_per_s", "rebuild_ratio", "history_p99_ms", "analytics_p99_ms", "command_side_rss_mb",
            "query_side_rss_mb");
    static final List<String> GROUPINGS = List.of("condition", "muscle", "pressure", "therapist", "month");

    private final Options options;
    private final BenchClinic clinic;
    /** Names this run's users and therapists apart from an earlier run's on the same (running) system. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Api api = new Api();
    private final String admin;
    private final List<Therapist> therapists = new ArrayList<>();
    private Therapist probe;
    private String analyst;
    private final List<String> summary = new ArrayList<>();
    private final Map<String, String> results = new LinkedHashMap<>();

    private Benchmark(Options options, BenchClinic clinic) {
        this.options = options;
        this.clinic = clinic;
        this.admin = Api.basic("admin", clinic.adminPassword);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, String> results = run(options, System.out);
        System.exit(results.isEmpty() ? 1 : 0);
    }

    /** Runs the whole benchmark; prints the summary and key=value lines to {@code out} and returns the latter. */
    static Map<String, String> run(Options options, PrintStream out) throws Exception {
        long started = System.nanoTime();
        try (BenchClinic clinic = new BenchClinic(options)) {
            Benchmark benchmark = new Benchmark(options, clinic);
            try {
                benchmark.measure();
            } catch (Exception | Error failure) {
                clinic.keepLogsOfAFailedRun();
                throw failure;
            }
            benchmark.summary.add(String.format(Locale.ROOT, "whole run (%s): %.0f s, start-up included", options.size,
                    (System.nanoTime() - started) / 1e9));
            out.println();
            out.println("Clinic benchmark (" + options.size + ")");
            benchmark.summary.forEach(line -> out.println("  " + line));
            out.println();
            Map<String, String> ordered = new LinkedHashMap<>();
            KEYS.forEach(key -> ordered.put(key, benchmark.results.getOrDefault(key, "n/a")));
            ordered.forEach((key, value) -> out.println(key + "=" + value));
            out.flush();
            return ordered;
        }
    }

    private void measure() throws Exception {
        machine();
        setUp();
        if (options.measures(Options.Step.COMMANDS)) {
            double commandsPerS = commandThroughput();
            double rawPerS = rawInsertThroughput();
            result("commands_per_s", fmt(commandsPerS));
            result("raw_insert_tx_per_s", fmt(rawPerS));
            result("command_throughput_ratio", ratio(commandsPerS, rawPerS));
            latencyAndLagAtHalfLoad(commandsPerS);
        }
        if (options.measures(Options.Step.REBUILD)) {
            rebuild();
        }
        if (options.measures(Options.Step.QUERIES)) {
            queries();
        }
        long commandRss = BenchClinic.peakRssMb(clinic.commandSidePid());
        long queryRss = BenchClinic.peakRssMb(clinic.querySidePid());
        summary.add("peak resident memory (VmHWM): command side " + commandRss + " MiB, query side " + queryRss + " MiB"
                + " (JVM options " + String.join(" ", options.javaOptions) + ")");
        result("command_side_rss_mb", String.valueOf(commandRss));
        result("query_side_rss_mb", String.valueOf(queryRss));
    }

    // ----------------------------------------------------------------------------------------------- set-up

    private void machine() throws SQLException {
        String memory = "?";
        try {
            memory = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MiB").orElse("?");
        } catch (java.io.IOException | RuntimeException ignored) {
            // not Linux: the figure is left out
        }
        String postgres;
        List<String> settings = new ArrayList<>();
        try (Connection connection = clinic.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("show server_version")) {
                row.next();
                postgres = row.getString(1);
            }
            // The settings that decide what a commit costs, so that runs on different servers can be compared.
            try (ResultSet rows = statement.executeQuery("""
                    select name, setting, unit from pg_settings
                    where name in ('fsync', 'synchronous_commit', 'wal_level', 'max_wal_size', 'shared_buffers')
                    order by name""")) {
                while (rows.next()) {
                    String unit = rows.getString(3);
                    settings.add(rows.getString(1) + "=" + rows.getString(2) + (unit == null ? "" : " " + unit));
                }
            }
        }
        summary.add("machine: " + Runtime.getRuntime().availableProcessors() + " processors, " + memory
                + " memory; PostgreSQL " + postgres + " (" + (options.usesRunningProcesses() ? "the running processes'"
                        : options.databaseUrl == null ? "embedded" : "CLINIC_DB_URL")
                + "; " + String.join(", ", settings)
                + "), one machine for the database, both processes and the benchmark's clients");
    }

    private void setUp() {
        int workers = 0;
        for (int level : options.concurrency) {
            workers = Math.max(workers, level);
        }
        BenchClinic.log("creating " + (workers + 1) + " therapists and an analyst");
        for (int i = 0; i <= workers; i++) {
            String username = "bench-" + run + "-therapist-" + i;
            Api.expect(api.post(clinic.commandUrl() + "/api/users", admin, """
                    {"username":"%s","password":"%s","roles":["THERAPIST"]}""".formatted(username, PASSWORD)),
                    "create user", 201);
            String therapistId = Api.expect(api.post(clinic.commandUrl() + "/api/therapists", admin, """
                    {"displayName":"Therapist %d","licenseNumber":"RMT-BENCH-%s-%d"}""".formatted(i, run, i)),
                    "register therapist", 201).text("therapistId");
            Therapist therapist = new Therapist(api, clinic.commandUrl(), username, PASSWORD, therapistId);
            if (i == workers) {
                probe = therapist;
            } else {
                therapists.add(therapist);
            }
        }
        Api.expect(api.post(clinic.commandUrl() + "/api/users", admin, """
                {"username":"bench-%s-analyst","password":"%s","roles":["ANALYST"]}""".formatted(run, PASSWORD)),
                "create analyst", 201);
        analyst = Api.basic("bench-" + run + "-analyst", PASSWORD);
    }

    // ----------------------------------------------------------------------------------- 1. command throughput

    private double commandThroughput() throws Exception {
        String warmedUp = warmUpCommands();
        double best = 0;
        StringBuilder levels = new StringBuilder(warmedUp);
        for (int level : options.concurrency) {
            long eventsBefore = headPosition();
            BenchClinic.log("command throughput with " + level + " concurrent clients for " + options.secondsPerLevel + " s");
            Phase phase = runSessions(level, options.secondsPerLevel, 0, null);
            long events = headPosition() - eventsBefore;
            double commandsPerS = phase.commands / phase.seconds;
            double eventsPerS = events / phase.seconds;
            levels.append(String.format(Locale.ROOT, "%n    %2d clients: %7.1f commands/s, %7.1f events/s (%d commands, %d events in %.1f s)",
                    level, commandsPerS, eventsPerS, phase.commands, events, phase.seconds));
            best = Math.max(best, commandsPerS);
        }
        summary.add("1. command throughput over HTTP, whole sessions per client:" + levels);
        return best;
    }

    /**
     * Every client at once, in rounds, until neither process's JIT compilers have anything left to compile: the end of
     * two rounds in a row at which neither process had a method waiting in its compile queues ({@link CompileQueue}),
     * once the least warm-up time has passed, and no longer than the most. Every therapist signs in before anything
     * is measured (the first check of a password is a slow hash on purpose), and the JVMs compile the hot paths: on a
     * slow machine the optimising compiler was still compiling the command path five minutes into the load, and the
     * commands per second rose all that time (BENCHMARKS.md, sessions 21 to 23). A clinic's processes run for days:
     * the figures are of code compiled as theirs is.
     *
     * @return the summary's line on the warm-up: each round's commands/s and compile queues, and whether it settled
     */
    private String warmUpCommands() throws Exception {
        int round = options.commandWarmUpRoundSeconds;
        BenchClinic.log(String.format(Locale.ROOT, "warming up, every client at once, in rounds of %d s until neither "
                        + "process has a method waiting to be compiled, two rounds in a row (at least %d s, at most "
                        + "%d s)", round, options.commandWarmUpSeconds, options.commandWarmUpMaxSeconds));
        long commandSide = clinic.commandSidePid();
        long querySide = clinic.querySidePid();
        StringBuilder rounds = new StringBuilder();
        int elapsed = 0;
        int compiledRounds = 0;
        boolean unreadable = false;
        while (!(compiledRounds >= 2 && elapsed >= options.commandWarmUpSeconds)
                && elapsed < options.commandWarmUpMaxSeconds) {
            Phase phase = runSessions(therapists.size(), round, 0, null);
            elapsed += round;
            int commandQueue = CompileQueue.waiting(commandSide);
            int queryQueue = CompileQueue.waiting(querySide);
            compiledRounds = commandQueue == 0 && queryQueue == 0 ? compiledRounds + 1 : 0;
            unreadable = commandQueue == CompileQueue.UNKNOWN || queryQueue == CompileQueue.UNKNOWN;
            String figures = String.format(Locale.ROOT, "%.0f commands/s, waiting to be compiled %s / %s",
                    phase.commands / phase.seconds, queued(commandQueue), queued(queryQueue));
            BenchClinic.log("  warm-up, " + elapsed + " s: " + figures);
            rounds.append(String.format(Locale.ROOT, "%n      to %3d s: %s", elapsed, figures));
        }
        return String.format(Locale.ROOT, "%n    warm-up, %d clients, %d s rounds (waiting to be compiled: the methods "
                        + "in the command side's / the query side's compile queues at the round's end), %s:%s",
                therapists.size(), round, compiledRounds >= 2 ? "settled"
                        : unreadable ? "stopped at the most warm-up time: a compile queue could not be read (jcmd "
                        + "reads those of a local process of the same user)"
                        : "stopped at the most warm-up time while still compiling", rounds);
    }

    private static String queued(int methods) {
        return methods == CompileQueue.UNKNOWN ? "unknown" : String.valueOf(methods);
    }

    record Phase(long commands, double seconds) {
    }

    /** {@code workers} therapists each running whole sessions for {@code seconds}, optionally paced. */
    private Phase runSessions(int workers, int seconds, long nanosBetweenCommands, Recorder latency) throws Exception {
        LongAdder commands = new LongAdder();
        List<Therapist> active = therapists.subList(0, workers);
        for (Therapist therapist : active) {
            therapist.commands = commands;
            therapist.latency = latency;
            therapist.stop = false;
            therapist.pace(nanosBetweenCommands);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Therapist therapist : active) {
            running.add(pool.submit(() -> {
                try {
                    while (true) {
                        therapist.session();
                    }
                } catch (Therapist.Stopped stopped) {
                    return null;
                }
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
            active.forEach(therapist -> therapist.stop = true);
        }
        long counted = commands.sum();
        double elapsed = (System.nanoTime() - started) / 1e9;
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS); // a failed command fails the benchmark
        }
        active.forEach(therapist -> {
            therapist.latency = null;
            therapist.pace(0);
        });
        return new Phase(counted, elapsed);
    }

    // --------------------------------------------------------------------------------- raw insert baseline

    private double rawInsertThroughput() throws Exception {
        List<String[]> samples = new ArrayList<>();
        try (Connection connection = clinic.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table public.bench_raw_event (like events.domain_event_entry including all)");
            try (ResultSet rows = statement.executeQuery("""
                    select type, payload_type, payload_revision, payload, meta_data from events.domain_event_entry
                    where type is not null order by global_index desc limit 500""")) {
                while (rows.next()) {
                    samples.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)});
                }
            }
        }
        double best = 0;
        StringBuilder levels = new StringBuilder();
        for (int level : options.concurrency) {
            BenchClinic.log("raw PostgreSQL: single-event insert transactions, " + level + " connections, "
                    + options.secondsPerLevel + " s");
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder inserted = new LongAdder();
            ExecutorService pool = Executors.newFixedThreadPool(level);
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < level; worker++) {
                running.add(pool.submit(() -> {
                    try (Connection connection = clinic.connect();
                         PreparedStatement insert = connection.prepareStatement("""
                                 insert into public.bench_raw_event (event_identifier, aggregate_identifier,
                                     sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data,
                                     chain_hash)
                                 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
                        connection.setAutoCommit(true);
                        String aggregate = UUID.randomUUID().toString();
                        long sequence = 0;
                        int sample = 0;
                        while (!stop.get()) {
                            String[] row = samples.get(sample++ % samples.size());
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, aggregate);
                            insert.setLong(3, sequence++);
                            insert.setString(4, row[0]);
                            insert.setString(5, java.time.Instant.now().toString());
                            insert.setString(6, row[1]);
                            insert.setString(7, row[2]);
                            insert.setString(8, row[3]);
                            insert.setString(9, row[4]);
                            // The store's trigger hashes each event; here the client does, so the row is as wide.
                            insert.setBytes(10, sha256.digest(row[3].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                            insert.executeUpdate();
                            inserted.increment();
                            if (sequence % 12 == 0) {
                                aggregate = UUID.randomUUID().toString();
                                sequence = 0;
                            }
                        }
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            Thread.sleep(options.secondsPerLevel * 1000L);
            long count = inserted.sum();
            double seconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            pool.shutdown();
            for (Future<?> worker : running) {
                worker.get(60, TimeUnit.SECONDS);
            }
            double perS = count / seconds;
            best = Math.max(best, perS);
            levels.append(String.format(Locale.ROOT, "%n    %2d connections: %8.1f insert transactions/s", level, perS));
        }
        summary.add("   raw PostgreSQL, one event row per transaction (JDBC prepared statement, autocommit) into "
                + "bench_raw_event (columns, keys and indexes of events.domain_event_entry, no triggers; chain_hash computed by the client), "
                + samples.size() + " real payloads cycled:" + levels);
        return best;
    }

    // ------------------------------------------------------------- 2. latency and 3. lag at about half load

    private void latencyAndLagAtHalfLoad(double maxCommandsPerS) throws Exception {
        int workers = therapists.size();
        double target = options.latencyRate != null ? options.latencyRate : maxCommandsPerS / 2;
        String load = options.latencyRate != null ? "set by --latency-rate" : "half the best level";
        long nanosBetween = (long) (workers * 1e9 / Math.max(target, 0.1));
        // The prober's first read of the query side signs it in there (a password hash check: 1.45 s on the server
        // under this load in one run): a cost of signing in, not of the lag, so it is paid before probes are counted.
        // Nothing has read the query side before, so its reads' code is then compiled, as a long-running query side
        // has it, by reads with a consistency token it already includes (as step 5 warms up its queries): without
        // this, it compiled about 1 600 methods in the first 55 s of probes, with 14 s of compiler time (jstat
        // -compiler), a quarter of a core.
        BenchClinic.log("warming up the query side's reads for " + 2 * options.warmUpSeconds + " s");
        String signingIn = probe.newClient();
        warmUp(historyUrl(signingIn), probe.authorization, probe.lastToken, 2 * options.warmUpSeconds);
        // Minutes of the raw baseline came before: PostgreSQL's buffers hold its table, its WAL forced checkpoints, and
        // no command was sent meanwhile. The command side's own answer times (its access log, session 18) had a p99 of
        // 23.2 ms over the whole minute of load after that, 17.3 ms without its first five seconds: the load runs
        // unrecorded first, so that the figures are of that load, not of the change to it.
        int settling = 2 * options.warmUpSeconds;
        if (settling > 0) {
            BenchClinic.log(String.format(Locale.ROOT, "warming up at %.1f commands/s for %d s", target, settling));
            runSessions(workers, settling, nanosBetween, null);
        }
        BenchClinic.log(String.format(Locale.ROOT, "latency at about half load: %.1f commands/s from %d paced clients for %d s",
                target, workers, options.latencySeconds));
        Recorder latency = new Recorder(3);
        Histogram lagUnderLoad = new Histogram(3);
        AtomicBoolean probing = new AtomicBoolean(true);
        ExecutorService prober = Executors.newSingleThreadExecutor();
        Future<?> probes = prober.submit(() -> {
            BenchClinic.sleep(500);
            while (probing.get()) {
                lagUnderLoad.recordValue(lagProbe());
                BenchClinic.sleep(100);
            }
            return null;
        });
        Phase phase = runSessions(workers, options.latencySeconds, nanosBetween, latency);
        probing.set(false);
        probes.get(60, TimeUnit.SECONDS);
        prober.shutdown();
        Histogram histogram = latency.getIntervalHistogram();
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        summary.add(String.format(Locale.ROOT,
                "2. command latency at %.1f commands/s achieved (target %.1f, %s), %d commands, "
                        + "request sent to answer read: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                phase.commands / phase.seconds, target, load, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0, p99,
                histogram.getMaxValue() / 1000.0));
        result("command_p99_ms_at_half_load", fmt(p99));

        Histogram lagIdle = new Histogram(3);
        BenchClinic.log("commit-to-view lag, idle: " + options.lagProbes + " probes");
        for (int i = 0; i < options.lagProbes; i++) {
            BenchClinic.sleep(150);
            lagIdle.recordValue(lagProbe());
        }
        summary.add(String.format(Locale.ROOT, "3. commit-to-view lag (command answered to history read with its "
                        + "X-Consistency-Token answered, so the read itself is included):"
                        + "%n    idle:          p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d probes, 150 ms apart)"
                        + "%n    at half load:  p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d probes)",
                ms(lagIdle, 50), ms(lagIdle, 99), lagIdle.getMaxValue() / 1000.0, lagIdle.getTotalCount(),
                ms(lagUnderLoad, 50), ms(lagUnderLoad, 99), lagUnderLoad.getMaxValue() / 1000.0,
                lagUnderLoad.getTotalCount()));
        Histogram lag = new Histogram(3);
        lag.add(lagIdle);
        lag.add(lagUnderLoad);
        result("view_lag_p50_ms", fmt(ms(lag, 50)));
        result("view_lag_p99_ms", fmt(ms(lag, 99)));
    }

    /** A command (a new client's registration and intake), then its history read with the intake's token. */
    private long lagProbe() {
        String client = probe.newClient();
        long committed = System.nanoTime();
        Api.Answer history = api.get(historyUrl(client), probe.authorization, probe.lastToken);
        long micros = (System.nanoTime() - committed) / 1_000;
        Api.expect(history, "history with a consistency token", 200);
        return Math.max(1, micros);
    }

    private String historyUrl(String client) {
        return clinic.queryUrl() + "/api/clients/" + client + "/history";
    }

    // ------------------------------------------------------------------------------------------ 5. queries

    private void queries() {
        BenchClinic.log("recording " + options.historySessions + " sessions of one client");
        String client = probe.newClient();
        for (int i = 0; i < options.historySessions; i++) {
            probe.sessionFor(client);
        }
        String historyUrl = historyUrl(client);
        Api.expect(api.get(historyUrl, probe.authorization, probe.lastToken), "history", 200);
        BenchClinic.log("warming up the history read for " + 2 * options.warmUpSeconds + " s and at least "
                + options.historyWarmUpReads + " reads");
        int warmUpReads = warmUp(historyUrl, probe.authorization, null, 2 * options.warmUpSeconds,
                options.historyWarmUpReads);
        Histogram history = new Histogram(3);
        int bytes = 0;
        for (int i = 0; i < options.queryRepetitions; i++) {
            long started = System.nanoTime();
            Api.Answer answer = api.get(historyUrl, probe.authorization, null);
            history.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
            Api.expect(answer, "history", 200);
            bytes = answer.bodyBytes().length;
        }
        StringBuilder lines = new StringBuilder(String.format(Locale.ROOT,
                "5. query latency, one client at a time, each query first read uncounted for %d s "
                        + "(the history %d times, for at least %d s; warm-up):%n"
                        + "    history of a client with %d sessions (%d kB): p50 %.1f ms, p99 %.1f ms (%d reads)",
                options.warmUpSeconds, warmUpReads, 2 * options.warmUpSeconds, options.historySessions, bytes / 1024,
                ms(history, 50), ms(history, 99), history.getTotalCount()));
        result("history_p99_ms", fmt(ms(history, 99)));
        Histogram analytics = new Histogram(3);
        for (String grouping : GROUPINGS) {
            Histogram one = new Histogram(3);
            String url = clinic.queryUrl() + "/api/analytics/outcomes?groupBy=" + grouping;
            warmUp(url, analyst, null, options.warmUpSeconds);
            for (int i = 0; i < options.queryRepetitions; i++) {
                long started = System.nanoTime();
                Api.Answer answer = api.get(url, analyst, null);
                one.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
                Api.expect(answer, "analytics by " + grouping, 200);
            }
            lines.append(String.format(Locale.ROOT, "%n    analytics by %-9s p50 %.1f ms, p99 %.1f ms (%d reads)",
                    grouping + ":", ms(one, 50), ms(one, 99), one.getTotalCount()));
            analytics.add(one);
        }
        summary.add(lines.toString());
        result("analytics_p99_ms", fmt(ms(analytics, 99)));
    }

    /**
     * Reads {@code url} uncounted, with {@code consistencyToken} if there is one, for {@code seconds} and at least
     * {@code reads} times, so that the figures are of the query as a long-running query side serves it, once the JVM
     * has compiled its code, not of its first reads; answers how many times it read.
     */
    private int warmUp(String url, String authorization, String consistencyToken, int seconds, int reads) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int done = 0;
        do {
            Api.expect(api.get(url, authorization, consistencyToken), "warm-up read of " + url, 200);
            done++;
        } while (System.nanoTime() < until || done < reads);
        return done;
    }

    /** As {@link #warmUp(String, String, String, int, int)}, for {@code seconds} and at least once. */
    private void warmUp(String url, String authorization, String consistencyToken, int seconds) {
        warmUp(url, authorization, consistencyToken, seconds, 1);
    }

    // ------------------------------------------------------------------------------------------ 4. rebuild

    private static final List<String> VIEWS = List.of("client-history", "outcomes", "audit");

    private void rebuild() throws Exception {
        BenchClinic.log("generating " + options.rebuildEvents + " events through the event store API");
        List<String> therapistIds = therapists.stream().map(therapist -> therapist.therapistId).toList();
        long generateStarted = System.nanoTime();
        long generated = new EventGenerator(clinic, therapistIds).generate(options.rebuildEvents);
        double generateSeconds = (System.nanoTime() - generateStarted) / 1e9;
        long head = headPosition();
        BenchClinic.log("waiting for the views to catch up with position " + head);
        double catchUpSeconds = awaitViews(head, 1800);
        Double anchorSeconds = options.anchorBeforeRebuild ? awaitAnchor(head, 300) : null;

        BenchClinic.log("rebuilding " + VIEWS + " from " + head + " events");
        long started = System.nanoTime();
        for (String view : VIEWS) {
            Api.expect(api.post(clinic.queryUrl() + "/api/admin/projections/" + view + "/rebuild", admin, ""),
                    "rebuild " + view, 202);
        }
        awaitViews(head, 3600);
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        double rebuildPerS = head / rebuildSeconds;

        BenchClinic.log("raw PostgreSQL: scan the event table in order, one row per event into a scratch table");
        RawScan plain = rawScanInsert(false);
        BenchClinic.log("raw PostgreSQL: the same, the driver sending each batch as multi-row inserts");
        RawScan multiRow = rawScanInsert(true);
        // The better of the two is the baseline: the clinic's views have the driver send multi-row inserts too.
        double rawPerS = Math.max(plain.perSecond(), multiRow.perSecond());
        summary.add(String.format(Locale.ROOT, "4. rebuild: %d events generated through Axon's JdbcEventStorageEngine "
                        + "in %.1f s (%.0f events/s, hash-chain trigger included); live views caught up %.1f s after%s"
                        + "%n    all three views (%s) rebuilt at once from %d events in %.1f s: %.0f events/s"
                        + "%n    raw PostgreSQL: %d events scanned in order, one row each into a scratch table, "
                        + "batches of 1000: %.1f s, %.0f rows/s"
                        + "%n      the same with the driver's multi-row inserts (reWriteBatchedInserts, as the "
                        + "views use): %.1f s, %.0f rows/s; the better is the baseline",
                generated, generateSeconds, generated / generateSeconds, catchUpSeconds,
                anchorSeconds == null ? ", the log's anchoring not waited for (quick run)"
                        : String.format(Locale.ROOT, ", the log anchored %.1f s after that", anchorSeconds),
                String.join(", ", VIEWS),
                head, rebuildSeconds, rebuildPerS, plain.rows(), plain.seconds(), plain.perSecond(),
                multiRow.seconds(), multiRow.perSecond()));
        result("rebuild_events_per_s", fmt(rebuildPerS));
        result("raw_scan_insert_rows_per_s", fmt(rawPerS));
        result("rebuild_ratio", ratio(rebuildPerS, rawPerS));
    }

    record RawScan(long rows, double seconds) {
        double perSecond() {
            return rows / seconds;
        }
    }

    /**
     * The raw baseline of a rebuild: the event table scanned in order on one connection, one row per event inserted
     * into a scratch table on another, a batch and a commit every 1 000 rows.
     */
    private RawScan rawScanInsert(boolean multiRowInserts) throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        try (Connection reader = clinic.connect(); Connection writer = clinic.connect(multiRowInserts)) {
            try (Statement create = writer.createStatement()) {
                create.execute("drop table if exists public.bench_raw_view");
                create.execute("""
                        create table public.bench_raw_view (global_index bigint primary key,
                            aggregate_identifier varchar(255) not null, payload_type varchar(255) not null,
                            time_stamp varchar(255) not null, payload text not null)""");
            }
            reader.setAutoCommit(false);
            writer.setAutoCommit(false);
            try (Statement scan = reader.createStatement();
                 PreparedStatement insert = writer.prepareStatement(
                         "insert into public.bench_raw_view values (?, ?, ?, ?, ?)")) {
                scan.setFetchSize(1000);
                try (ResultSet event = scan.executeQuery("""
                        select global_index, aggregate_identifier, payload_type, time_stamp, payload
                        from events.domain_event_entry order by global_index""")) {
                    while (event.next()) {
                        insert.setLong(1, event.getLong(1));
                        insert.setString(2, event.getString(2));
                        insert.setString(3, event.getString(3));
                        insert.setString(4, event.getString(4));
                        insert.setString(5, event.getString(5));
                        insert.addBatch();
                        if (++rows % 1000 == 0) {
                            insert.executeBatch();
                            writer.commit();
                        }
                    }
                }
                insert.executeBatch();
                writer.commit();
                reader.commit();
            }
        }
        return new RawScan(rows, (System.nanoTime() - started) / 1e9);
    }

    /** Waits until every view is up to date with {@code position}; returns how long that took, in seconds. */
    private double awaitViews(long position, int timeoutSeconds) {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (String view : VIEWS) {
            while (true) {
                Api.Answer progress = Api.expect(api.get(clinic.queryUrl() + "/api/admin/projections/" + view
                        + "/rebuild", admin, null), "progress of " + view, 200);
                var json = progress.json();
                if ("UP_TO_DATE".equals(json.get("state").asText()) && json.get("eventsDone").asLong() >= position) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("view " + view + " not up to date with " + position
                            + " within " + timeoutSeconds + " s: " + progress.body());
                }
                BenchClinic.sleep(100);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Waits until the command side's anchor job (each minute) has anchored the event log at {@code position} or
     * beyond; returns how long that took, in seconds. Anchoring the generated events is work of a size that no clinic's
     * minute brings: done while the views rebuild, it took the CPU from them (3.9 s of PostgreSQL's in one run,
     * pg_stat_statements), in some runs and not others.
     */
    private double awaitAnchor(long position, int timeoutSeconds) throws SQLException {
        BenchClinic.log("waiting for the command side to anchor the event log up to position " + position);
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (singleLong("select coalesce(max(global_position), 0) from events.chain_anchor") < position) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the event log not anchored up to " + position + " within "
                        + timeoutSeconds + " s");
            }
            BenchClinic.sleep(500);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private long headPosition() throws SQLException {
        return singleLong("select coalesce(max(global_index), 0) from events.domain_event_entry");
    }

    /** The one number {@code query} answers, on a connection of its own. */
    private long singleLong(String query) throws SQLException {
        try (Connection connection = clinic.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void result(String key, String value) {
        results.put(key, value);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(double value, double baseline) {
        return baseline <= 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", value / baseline);
    }
}
