package org.triggerpoint.clinic.benchmark;

import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.localpostgres.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark runs end to end at a tiny size ({@code --micro}: a second per level, a thousand events to rebuild),
 * on the test PostgreSQL server, and prints every figure of the issue last. Its numbers mean nothing at this size.
 */
class BenchmarkSmokeIT {

    @Test
    void runsAtATinySizeAndPrintsEveryFigureLast() throws Exception {
        Options options = Options.parse("--micro");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (TestDatabase server = TestDatabase.create()) {
            // The benchmark makes a database of its own beside this one, on the same server, and drops it at the end.
            options.databaseUrl = server.url();
            options.databaseUser = server.user();
            options.databasePassword = server.password();
            Map<String, String> results = Benchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(results).containsOnlyKeys(Benchmark.KEYS);
            assertThat(Double.parseDouble(results.get("commands_per_s"))).isPositive();
            assertThat(Double.parseDouble(results.get("raw_insert_tx_per_s"))).isPositive();
            assertThat(Long.parseLong(results.get("command_side_rss_mb"))).isPositive();
        }
        String output = printed.toString(StandardCharsets.UTF_8).strip();
        System.out.println(output);
        String[] lines = output.split("\n");
        assertThat(lines.length).isGreaterThan(Benchmark.KEYS.size());
        for (int i = 0; i < Benchmark.KEYS.size(); i++) {
            assertThat(lines[lines.length - Benchmark.KEYS.size() + i]).startsWith(Benchmark.KEYS.get(i) + "=");
        }
    }
}
