package org.triggerpoint.clinic.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The process listening on a local TCP port, found as {@code ss -ltnp} would (Linux {@code /proc}): the listening
 * socket's inode from {@code /proc/net/tcp[6]}, then the process holding that socket. Used to read the peak memory of
 * processes the benchmark did not start itself.
 */
final class ListeningProcess {

    private static final String LISTEN = "0A";

    private ListeningProcess() {
    }

    /** The process id, or -1 when no process of this user listens there (or this is not Linux). */
    static long pidOf(int port) {
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    String localPort = fields[1].substring(fields[1].lastIndexOf(':') + 1);
                    if (fields[3].equals(LISTEN) && Integer.parseInt(localPort, 16) == port) {
                        sockets.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException notThere) {
                // no IPv6 table, or not Linux
            }
        }
        if (sockets.isEmpty()) {
            return -1;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().matches("\\d+"))
                    .filter(process -> holdsAny(process, sockets))
                    .mapToLong(process -> Long.parseLong(process.getFileName().toString()))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean holdsAny(Path process, Set<String> sockets) {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.anyMatch(descriptor -> {
                try {
                    return sockets.contains(Files.readSymbolicLink(descriptor).toString().toLowerCase(Locale.ROOT));
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException notOurs) {
            return false;
        }
    }
}
