package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.assertRan;
import static dev.jiffy.cli.Reliability.assertVerifiesClean;
import static dev.jiffy.cli.Reliability.output;
import static dev.jiffy.cli.Reliability.program;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signals: Ctrl-C during a build stops jiffy and leaves no partial entry; during a run the
 * signal reaches the program itself, because the launcher execs the program's JVM (the
 * launcher's PID is the program's), and jiffy's exit status is the program's.
 */
@Tag(Reliability.TAG)
class ReliabilitySignalIT {
    private static final String LOOP = """
            public class Loop {
                public static void main(String[] args) throws Exception {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        System.out.println("hook ran");
                        System.out.flush();
                        if (args[0].equals("halt")) {
                            Runtime.getRuntime().halt(42);
                        }
                    }));
                    System.out.println("ready " + ProcessHandle.current().pid());
                    System.out.flush();
                    if (!args[0].equals("exit")) {
                        Thread.sleep(600_000);
                    }
                }
            }
            """;

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    static final Path work = sandbox.work();
    static final Jiffy jiffy = sandbox.jiffy();
    static Path runFile;

    @BeforeAll
    static void buildLoop() throws Exception {
        Path source = Jiffy.write(work.resolve("Loop.java"), LOOP);
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(60)));
        runFile = Path.of(sandbox.cache() + "/run" + source + ".run");
        Thread.sleep(2_200);
        Result built = jiffy.run("run", "Loop.java", "exit");
        assertThat(built).succeeded();
        assertThat(runFile).exists();
    }

    private static void kill(String signal, long pid) throws Exception {
        Result r = jiffy.exec(List.of("kill", "-" + signal, "--", Long.toString(pid)), new byte[0]);
        assertThat(r).succeeded();
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({"INT, run file, plain, 130", "TERM, run file, plain, 143", "TERM, run file, halt, 42",
            "INT, jiffy's JVM, plain, 130", "TERM, jiffy's JVM, halt, 42"})
    void aSignalDuringARunReachesTheProgramAndItsStatusIsJiffys(String signal, String path, String mode, int status)
            throws Exception {
        Object runFileBefore = Files.readAttributes(runFile, "unix:ino,lastModifiedTime");
        Process p = path.equals("run file") ? jiffy.start("run", "Loop.java", mode) : jiffy.start("run", "-x", "Loop.java", mode);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        // Threads of their own: both reads block, and the common pool may have a single thread (2 cores).
        ExecutorService readers = Executors.newCachedThreadPool();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        }, readers);
        try {
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }, readers).get(120, TimeUnit.SECONDS);
            assertThat(ready).isEqualTo("ready " + p.pid());
            String command = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertThat(command).as("the launcher became the program's JVM").contains("bin/java").contains(" Loop " + mode);
            kill(signal, p.pid());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(out.readLine()).isEqualTo("hook ran");
            assertThat(p.exitValue()).as(errors.get(60, TimeUnit.SECONDS)).isEqualTo(status);
            if (path.equals("run file")) {
                assertThat(Files.readAttributes(runFile, "unix:ino,lastModifiedTime")).as("started from the run file")
                        .isEqualTo(runFileBefore);
            }
        } finally {
            Reliability.killTree(p);
            readers.shutdownNow();
        }
    }

    /**
     * Ctrl-C in a terminal signals the whole process group: the launcher, jiffy's JVM and what it
     * started. At any moment of a build that leaves the cache sound and the next run right.
     */
    @Test
    void ctrlCDuringABuildLeavesNoPartialEntry() throws Exception {
        program(work.resolve("app"), "app", 20, 9);
        long started = System.nanoTime();
        assertRan(jiffy.run("run", "-a", "app", "timed"), output("app", 20, "timed"), 9);
        long buildMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> log = new ArrayList<>();
        int interrupted = 0;
        long bound = buildMillis;
        // At least five rounds, and more until one is interrupted: a build that ends before its
        // delay lowers the bound to that delay, so later delays fall inside a build.
        for (int i = 0; i < 5 || (interrupted == 0 && i < 20); i++) {
            // setsid: the launcher leads a process group of its own, as a shell's foreground job does.
            Process p = jiffy.startCommand(List.of("setsid", Jiffy.LAUNCHER.toString(), "run", "-a", "app", "int"));
            long delay = (long) (random.nextDouble() * bound);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                jiffy.exec(List.of("kill", "-INT", "--", "-" + p.pid()), new byte[0]);
                interrupted++;
            } else {
                bound = Math.max(1, delay);
            }
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            log.add("after " + delay + " ms: " + (ended ? "exit " + p.exitValue() : "still running"));
            Reliability.killTree(p);
            assertThat(ended).as("seed %d: %s", seed, log).isTrue();
            assertRan(jiffy.run("run", "app", "next"), output("app", 20, "next"), 9);
            assertVerifiesClean(jiffy);
        }
        assertThat(interrupted).as("seed %d: %s", seed, log).isPositive();
    }
}
