package dev.jiffy.server;

import dev.jiffy.cli.Main;
import dev.jiffy.run.ServerDirectory;
import dev.jiffy.run.ToolCode;
import dev.jiffy.work.WarmCompiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The compile server (DESIGN section 9): a JVM that stays up and does the miss path's work for
 * bin/jiffy, so javac and jiffy's own code are loaded and compiled by the JIT once, not on every
 * miss. It runs {@link Main} for each request, with the client's arguments, environment,
 * directory and streams, one request at a time, and sends back the exit status and the text
 * that jiffy's own JVM would have handed the launcher on fd 3.
 *
 * <p>The launcher writes a request line into the directory's {@code requests} FIFO and reads the
 * reply from its own FIFO {@code c<pid>}, which it holds open for reading and writing, so no
 * open ever blocks: the reply is one write of {@code STATUS [out] [err]}, the hand-off text's
 * lines and {@code end}. {@code c<pid>.acc} tells the launcher's watchdog that the request was
 * taken; without it in five seconds, or once the server's pid is gone, the watchdog writes
 * {@code fallback} and the launcher builds in its own JVM. A request from another jiffy build
 * or another JDK gets {@code stale} or {@code other}, which fall back without a word.
 *
 * <p>It exits after {@code JIFFY_DAEMON_IDLE} without work and at once when its jar
 * changes; after a few seconds idle it collects the heap, which the JVM's free-ratio flags
 * then give back to the system.
 */
public final class CompileServer {
    private static final Duration GIVE_BACK_AFTER = Duration.ofSeconds(10);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    /** How long without a request before the work an edit's compile may need is done ahead of it. */
    private static final Duration SETTLE_AFTER = Duration.ofSeconds(1);

    private final ServerDirectory dir;
    private final Duration idle;
    private final Path code;
    private final String codeStamp;
    private final String java;
    private final long started = System.currentTimeMillis();
    private final AtomicLong builds = new AtomicLong();
    /** The last compile of each recent program or module, so that an edit recompiles only what changed. */
    private final WarmCompiles compiles = WarmCompiles.keeping(16);
    private final AtomicLong lastWork = new AtomicLong(System.currentTimeMillis());
    private volatile boolean busy;
    private volatile boolean collected;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jiffy-build");
        t.setDaemon(true);
        return t;
    });

    private CompileServer(ServerDirectory dir, Duration idle) throws IOException {
        this.dir = dir;
        this.idle = idle;
        this.code = ToolCode.location();
        this.codeStamp = stamp(code);
        this.java = Path.of(ProcessHandle.current().info().command().orElse("java")).toRealPath().toString();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CompileServer DIRECTORY");
            System.exit(2);
        }
        ServerDirectory dir = new ServerDirectory(Path.of(args[0]));
        Duration idle = dev.jiffy.cli.DaemonSettings.idleOf(System.getenv());
        Files.createDirectories(dir.dir());
        try (FileChannel ch = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock()) {
            if (lock == null) {
                return; // another server has the directory: it serves
            }
            if (Files.isRegularFile(dir.log()) && Files.size(dir.log()) > 1 << 20) {
                Files.write(dir.log(), new byte[0]); // a line a build, kept under a megabyte; the launcher appends to it
            }
            new CompileServer(dir, idle).serve();
        }
    }

    private void serve() throws Exception {
        WarmUp.run();
        Files.deleteIfExists(dir.requests());
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", dir.requests().toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + dir.requests() + " failed");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::leave));
        writeStats();
        dev.jiffy.cache.AtomicFiles.write(dir.pidFile(), (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8));
        Thread watcher = new Thread(this::watch, "jiffy-watch");
        watcher.setDaemon(true);
        watcher.start();
        log("listening, pid " + ProcessHandle.current().pid() + ", idle " + idle.toSeconds() + "s");
        // Read and write: the FIFO never reports end-of-file when a client closes it.
        try (FileChannel ch = FileChannel.open(dir.requests(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String request = line;
                String pid = request.split(" ", 2)[0];
                if (!pid.matches("[0-9]{1,10}")) {
                    continue;
                }
                try {
                    Files.write(dir.dir().resolve("c" + pid + ".acc"), new byte[0]);
                } catch (IOException e) {
                    continue;
                }
                busy = true;
                worker.submit(() -> handle(request, pid));
            }
        }
    }

    private void handle(String line, String pid) {
        Path reply = dir.dir().resolve("c" + pid);
        List<String> captured = new ArrayList<>();
        String head = null;
        StringBuilder handoff = new StringBuilder();
        try {
            if (!Files.exists(reply)) {
                return; // the client gave up (it removes its FIFO when it falls back): its pid may be another's now
            }
            ClientRequest request = ClientRequest.read(line);
            if (request == null) {
                head = "other"; // not a request this server can take: the launcher builds itself
            } else if (!stamp(code).equals(codeStamp)) {
                head = "stale";
                log("jiffy's jar changed: exiting");
                worker.submit(() -> System.exit(0));
            } else if (!sameJdk(request.env())) {
                head = "other";
            } else {
                long t0 = System.nanoTime();
                head = Integer.toString(run(request, reply, captured, handoff));
                builds.incrementAndGet();
                log("served " + pid + " " + request.args() + ": exit " + head + " in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        } catch (IOException | RuntimeException e) {
            log("request " + pid + ": " + e); // the launcher falls back, with a warning
        } finally {
            busy = false;
            lastWork.set(System.currentTimeMillis());
            collected = false;
        }
        writeStatsQuietly(); // before the reply: a client that asks for the status next sees this build
        reply(reply, (head == null ? "fallback" : head + (captured.isEmpty() ? "" : " " + String.join(" ", captured)))
                + "\n" + handoff + "end\n");
    }

    /** Runs jiffy's command line for the client; its hand-off text goes into {@code handoff}. */
    private int run(ClientRequest request, Path reply, List<String> captured, StringBuilder handoff) throws IOException {
        Path handoffFile = reply.resolveSibling(reply.getFileName() + ".h");
        Files.deleteIfExists(handoffFile);
        Map<String, String> env = new LinkedHashMap<>(request.env());
        env.put("JIFFY_HANDOFF", handoffFile.toString());
        env.remove("JIFFY_STDERR_TTY");
        if (request.stderrIsTerminal()) {
            env.put("JIFFY_STDERR_TTY", "1");
        }
        int status;
        try (OutputStream out = request.output(1, reply.resolveSibling(reply.getFileName() + ".1"), captured, "out");
                OutputStream err = request.output(2, reply.resolveSibling(reply.getFileName() + ".2"), captured, "err");
                PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Main main = new Main(InputStream.nullInputStream(), outStream, errStream, env, request.cwd(), Clock.systemUTC(),
                    compiles);
            status = main.run(request.args().toArray(String[]::new));
        }
        try {
            handoff.append(Files.readString(handoffFile, StandardCharsets.UTF_8));
            if (handoff.length() > 0 && handoff.charAt(handoff.length() - 1) != '\n') {
                handoff.append('\n');
            }
            Files.delete(handoffFile);
        } catch (NoSuchFileException e) {
            // nothing to hand off: build, or a failure
        }
        return status;
    }

    /**
     * The client's JDK must be this server's: its directory is named by JAVA_HOME, and without
     * one the launcher runs the {@code java} on its PATH, which is looked up here.
     */
    private boolean sameJdk(Map<String, String> env) {
        String home = env.getOrDefault("JAVA_HOME", "");
        List<String> candidates = new ArrayList<>();
        if (!home.isEmpty()) {
            candidates.add(home + "/bin/java");
        } else {
            for (String p : env.getOrDefault("PATH", "").split(":")) {
                candidates.add((p.isEmpty() ? "." : p) + "/java");
            }
        }
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                try {
                    return p.toRealPath().toString().equals(java);
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Writes the reply into the client's FIFO, which the client holds open, then removes its files. */
    private void reply(Path fifo, String text) {
        try (FileChannel ch = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // the client is gone
        }
        try {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(fifo.resolveSibling(fifo.getFileName() + ".acc"));
        } catch (IOException e) {
            // the launcher removes what is left when it falls back
        }
    }

    /**
     * Exits when jiffy's jar changed or after the idle time; gives the heap back when idle, and
     * first has the compiles remembered do what the next edit would otherwise wait for.
     */
    private void watch() {
        while (true) {
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
                long quiet = System.currentTimeMillis() - lastWork.get();
                if (!busy && !stamp(code).equals(codeStamp)) {
                    log("jiffy's jar changed: exiting");
                    System.exit(0);
                }
                if (!busy && !ownsPidFile()) {
                    log("the pid file is gone or another server's (jiffy clean -cache?): exiting");
                    System.exit(0);
                }
                if (!busy && quiet > idle.toMillis()) {
                    log("idle for " + idle.toSeconds() + "s: exiting");
                    System.exit(0);
                }
                if (!busy && quiet > SETTLE_AFTER.toMillis() && compiles.unsettled()) {
                    worker.submit(() -> {
                        long t0 = System.nanoTime();
                        compiles.settle();
                        log("javac's notes traced to their sources in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    });
                }
                if (!busy && !collected && quiet > GIVE_BACK_AFTER.toMillis()) {
                    collected = true;
                    System.gc();
                    writeStats();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                log("watch: " + e);
            }
        }
    }

    private void writeStats() throws IOException {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("pid", Long.toString(ProcessHandle.current().pid()));
        stats.put("started", Long.toString(started));
        stats.put("builds", Long.toString(builds.get()));
        stats.put("heap.used", Long.toString(heap.getUsed()));
        stats.put("heap.committed", Long.toString(heap.getCommitted()));
        stats.put("heap.max", Long.toString(heap.getMax()));
        stats.put("idle", Long.toString(idle.toSeconds()));
        stats.put("java", java);
        dir.writeStats(stats);
    }

    private void writeStatsQuietly() {
        try {
            writeStats();
        } catch (IOException e) {
            log("stats: " + e);
        }
    }

    private boolean ownsPidFile() {
        try {
            return Files.readString(dir.pidFile()).strip().equals(Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Takes the pid file and the FIFO away, so that no launcher writes to a server that is gone. */
    private void leave() {
        try {
            if (ownsPidFile()) {
                Files.deleteIfExists(dir.pidFile());
                Files.deleteIfExists(dir.requests());
            }
        } catch (IOException e) {
            // gone already
        }
    }

    private static String stamp(Path file) {
        try {
            FileTime t = Files.getLastModifiedTime(file);
            return t.toMillis() + " " + Files.size(file);
        } catch (IOException e) {
            return "gone";
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
