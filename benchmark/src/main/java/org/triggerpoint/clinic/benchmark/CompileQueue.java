package org.triggerpoint.clinic.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The methods a local JVM's JIT compilers have waiting to be compiled, as {@code jcmd <pid> Compiler.queue} prints
 * them (the JDK's own tool, beside the {@code java} that runs the benchmark; it attaches to a process of the same
 * user).
 * <p>
 * The measure of whether a process is still compiling: the compilers' time ({@code jvm.compilation.time}) is their
 * elapsed time, which on a saturated machine counts their waits for a processor, while their queue says what is left.
 */
final class CompileQueue {

    /** The queue could not be read: no such process, not a HotSpot JVM of this user, or no {@code jcmd}. */
    static final int UNKNOWN = -1;

    /** A task waiting in a queue, its compile id first: {@code "16335       4       a.B::c (24 bytes)"}. */
    private static final Pattern TASK = Pattern.compile("^\\s*\\d+\\s.*");

    private CompileQueue() {
    }

    /** How many methods the process {@code pid} has waiting in its compile queues; {@link #UNKNOWN} if unreadable. */
    static int waiting(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (pid <= 0 || !Files.isExecutable(jcmd)) {
            return UNKNOWN;
        }
        Path printed = null;
        Process process = null;
        try {
            // Into a file, not a pipe, so that a jcmd that hangs is given up on after its time instead of read forever.
            printed = Files.createTempFile("compile-queue-", ".txt");
            process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Compiler.queue")
                    .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return UNKNOWN;
            }
            return waitingIn(Files.readString(printed));
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (printed != null) {
                printed.toFile().delete();
            }
        }
    }

    /**
     * The tasks listed under each "… compile queue:" heading of {@code Compiler.queue}'s output (not those under
     * "Current compiles:", which are being compiled); {@link #UNKNOWN} if the output has no queue at all.
     */
    static int waitingIn(String printed) {
        int waiting = 0;
        boolean anyQueue = false;
        boolean inQueue = false;
        for (String line : printed.split("\\R")) {
            if (line.endsWith("compile queue:")) {
                anyQueue = true;
                inQueue = true;
            } else if (line.endsWith(":")) {
                inQueue = false;
            } else if (inQueue && TASK.matcher(line).matches()) {
                waiting++;
            }
        }
        return anyQueue ? waiting : UNKNOWN;
    }
}
