package org.triggerpoint.clinic.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to run, from the command line and the environment. Sizes: full (default), {@code --quick} (under 5 minutes on
 * two cores) and {@code --micro} (the smoke test's: seconds, not minutes; its figures mean nothing).
 */
final class Options {

    String size = "full";
    int[] concurrency = {1, 8, 32};
    int secondsPerLevel = 60;
    int latencySeconds = 60;
    int lagProbes = 200;
    int historySessions = 100;
    int queryRepetitions = 500;
    int rebuildEvents = 1_000_000;
    String commandJar = System.getProperty("clinic.commandJar");
    String queryJar = System.getProperty("clinic.queryJar");
    String postgresJar = System.getProperty("clinic.postgresJar");
    List<String> javaOptions = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC"));
    String databaseUrl = blankToNull(System.getenv("CLINIC_DB_URL"));
    String databaseUser = orDefault(System.getenv("CLINIC_DB_USER"), "postgres");
    String databasePassword = orDefault(System.getenv("CLINIC_DB_PASSWORD"), "");

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
                default -> {
                    if (arg.startsWith("--events=")) {
                        options.rebuildEvents = Integer.parseInt(arg.substring("--events=".length()));
                    } else if (arg.startsWith("--seconds-per-level=")) {
                        options.secondsPerLevel = Integer.parseInt(arg.substring("--seconds-per-level=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + arg
                                + "; usage: Benchmark [--quick|--micro] [--events=N] [--seconds-per-level=S]");
                    }
                }
            }
        }
        if (options.commandJar == null || options.queryJar == null) {
            throw new IllegalArgumentException("set -Dclinic.commandJar and -Dclinic.queryJar (./clinic bench does)");
        }
        return options;
    }

    private void quick() {
        size = "quick";
        secondsPerLevel = 20;
        latencySeconds = 20;
        lagProbes = 100;
        historySessions = 100;
        queryRepetitions = 200;
        rebuildEvents = 200_000;
    }

    private void micro() {
        size = "micro";
        concurrency = new int[] {1, 2};
        secondsPerLevel = 1;
        latencySeconds = 1;
        lagProbes = 5;
        historySessions = 3;
        queryRepetitions = 5;
        rebuildEvents = 1_000;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
