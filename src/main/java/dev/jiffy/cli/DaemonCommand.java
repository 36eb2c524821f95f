package dev.jiffy.cli;

import dev.jiffy.run.ServerDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jiffy daemon status|stop}: the compile server of this jiffy build, JDK and cache (bin/jiffy
 * starts one after a command that took jiffy's own JVM).
 */
final class DaemonCommand {
    private final PrintStream out;
    private final Map<String, String> env;

    DaemonCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int run(List<String> args) throws UsageException, Failure, IOException {
        if (args.size() != 1 || !(args.get(0).equals("status") || args.get(0).equals("stop"))) {
            throw new UsageException("daemon: expected status or stop");
        }
        Settings settings = Settings.from(env);
        if (!settings.cacheEnabled()) {
            out.println("no compile server: JIFFY_CACHE=off");
            return 0;
        }
        ServerDirectory dir = ServerDirectory.of(settings.cacheDir(), env);
        Optional<Long> pid = dir.livePid();
        if (pid.isEmpty()) {
            out.println("no compile server running" + (DaemonSettings.from(env).enabled() ? "" : " (JIFFY_DAEMON=0)"));
            return 0;
        }
        if (args.get(0).equals("stop")) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid.get());
            if (p.isPresent()) {
                p.get().destroy();
                try {
                    p.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new Failure(1, "daemon stop: the compile server (pid " + pid.get() + ") did not exit in 10 s");
                }
            }
            out.println("stopped the compile server (pid " + pid.get() + ")");
            return 0;
        }
        Map<String, String> stats = dir.stats();
        long started = stats.getOrDefault("started", "").matches("[0-9]{1,19}") ? Long.parseLong(stats.get("started"))
                : System.currentTimeMillis();
        out.println("pid      " + pid.get());
        out.println("uptime   " + uptime(Duration.ofMillis(System.currentTimeMillis() - started)));
        out.println("builds   " + stats.getOrDefault("builds", "?"));
        out.println("heap     " + mib(stats.get("heap.used")) + " used, " + mib(stats.get("heap.committed")) + " committed, "
                + mib(stats.get("heap.max")) + " max");
        out.println("rss      " + rss(pid.get()));
        out.println("idle     exits after " + stats.getOrDefault("idle", "?") + "s without work");
        out.println("java     " + stats.getOrDefault("java", "?"));
        out.println("dir      " + dir.dir());
        return 0;
    }

    private static String uptime(Duration d) {
        return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m" : d.toMinutes() > 0
                ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }

    private static String mib(String bytes) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", Long.parseLong(bytes) / 1048576.0);
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    /** The resident set, from /proc/PID/status's VmRSS. */
    private static String rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.substring(6).strip().split("\\s+")[0]);
                    return mib(Long.toString(kib * 1024));
                }
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        return "?";
    }
}
