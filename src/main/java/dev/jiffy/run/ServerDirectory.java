package dev.jiffy.run;

import dev.jiffy.cache.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compile server's directory: one per user (it lies in the cache), jiffy build (jiffy's
 * directory) and JDK ({@code JAVA_HOME}, or {@code /path} for the {@code java} on PATH), at
 * {@code <cache>/daemon<jiffy's directory>/jdk<JAVA_HOME>}, which bin/jiffy finds with shell
 * builtins, and starts the server in. It holds the request FIFO, the server's pid file (written
 * once it listens), its lock (one server per directory), its statistics and its log; a client's
 * reply FIFO and files are named by the client's pid.
 */
public record ServerDirectory(Path dir) {
    /** The server's main class, which a live pid's command line must name (a pid file may outlive its process). */
    public static final String MAIN_CLASS = "dev.jiffy.server.CompileServer";

    /** The directory for jiffy's own build under {@code cacheRoot}, for the JDK that {@code env} names. */
    public static ServerDirectory of(Path cacheRoot, Map<String, String> env) throws IOException {
        Path code = ToolCode.location().toRealPath();
        Path toolRoot = code.getParent().getParent();
        String javaHome = env.getOrDefault("JAVA_HOME", "");
        return new ServerDirectory(Path.of(cacheRoot + "/daemon" + toolRoot + "/jdk" + (javaHome.isEmpty() ? "/path" : javaHome)));
    }

    public Path requests() {
        return dir.resolve("requests");
    }

    public Path pidFile() {
        return dir.resolve("server.pid");
    }

    public Path lockFile() {
        return dir.resolve("server.lock");
    }

    public Path statsFile() {
        return dir.resolve("server.stats");
    }

    public Path log() {
        return dir.resolve("server.log");
    }

    /** The running server's pid: the pid file's, if that process is alive and a compile server. */
    public Optional<Long> livePid() {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile(), StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(MAIN_CLASS)).orElse(false))
                .map(ProcessHandle::pid);
    }

    /** The server's statistics as it last wrote them ({@code name=value} lines); empty without a file. */
    public Map<String, String> stats() throws IOException {
        Map<String, String> stats = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(statsFile(), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    stats.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        return stats;
    }

    public void writeStats(Map<String, String> stats) throws IOException {
        StringBuilder b = new StringBuilder();
        stats.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        AtomicFiles.write(statsFile(), b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
