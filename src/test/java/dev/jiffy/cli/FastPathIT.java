package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast path: a run file lets bin/jiffy exec a cached program without starting jiffy's JVM,
 * and any change to an input, the executable or the clock sends it back to the JVM. Whether
 * jiffy's JVM ran is read from the cache's counters, which only the JVM path updates.
 */
class FastPathIT {
    private static final String PROGRAM = """
            public class Greet {
                public static void main(String[] args) {
                    System.out.println("hello " + String.join(",", args));
                }
            }
            """;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Path cache = sandbox.cache();
    final Jiffy jiffy = sandbox.jiffy();

    /** Writes a source whose times are safely in the past, so the racy rule allows a run file at once. */
    private Path writeOld(Path file, String text) throws Exception {
        write(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    /** Waits until every input's ctime (which cannot be set back) is older than the racy window. */
    private static void waitOutRacyWindow() throws InterruptedException {
        Thread.sleep(2_200);
    }

    private long jvmRuns() throws Exception {
        Path counters = cache.resolve("counters.txt");
        if (!Files.exists(counters)) {
            return 0;
        }
        long total = 0;
        for (String line : Files.readAllLines(counters)) {
            String[] f = line.split(" ");
            if (f[0].equals("hits") || f[0].equals("misses")) {
                total += Long.parseLong(f[1]);
            }
        }
        return total;
    }

    private Path runFile(Path target) {
        return Path.of(cache + "/run" + target + ".run");
    }

    private Result run(String... args) throws Exception {
        Result r = jiffy.run(args);
        assertThat(r).succeeded();
        return r;
    }

    @Test
    void unchangedProgramRunsFromTheRunFileWithoutJiffysJvm() throws Exception {
        Path src = writeOld(work.resolve("Greet.java"), PROGRAM);
        waitOutRacyWindow();
        assertThat(run("run", "Greet.java", "a")).printed("hello a\n");
        assertThat(runFile(src)).exists();
        long before = jvmRuns();

        Result fast = run("run", "Greet.java", "x y", "-z");
        assertThat(fast).printed("hello x y,-z\n");
        assertThat(jvmRuns()).as("the JVM path ran").isEqualTo(before);

        // The same target named by its absolute path and with a trailing slash-free relative form.
        assertThat(run("run", src.toString())).printed("hello \n");
    }

    @Test
    void anEditInTheSameSecondIsSeen() throws Exception {
        writeOld(work.resolve("Greet.java"), PROGRAM);
        waitOutRacyWindow();
        run("run", "Greet.java");
        // Same size, same second: only the stat check (mtime/ctime in ns) or the racy rule can catch it.
        Files.writeString(work.resolve("Greet.java"), PROGRAM.replace("hello", "howdy"));
        assertThat(run("run", "Greet.java")).printed("howdy \n");
        Files.writeString(work.resolve("Greet.java"), PROGRAM.replace("hello", "hallo"));
        assertThat(run("run", "Greet.java")).printed("hallo \n");
    }

    @Test
    void racyInputsGetNoRunFile() throws Exception {
        Path src = write(work.resolve("Greet.java"), PROGRAM);
        // A compile can take longer than the racy window on a loaded machine, so the edit is
        // dated where it stays "recent" for the whole run: in the near future.
        Files.setLastModifiedTime(src, FileTime.from(Instant.now().plusSeconds(30)));
        run("run", "Greet.java");
        assertThat(runFile(src)).as("an input changed within 2 s").doesNotExist();
        Files.setLastModifiedTime(src, FileTime.from(Instant.now().minusSeconds(60)));
        waitOutRacyWindow();
        run("run", "Greet.java");
        assertThat(runFile(src)).exists();
    }

    @Test
    void aFileAddedToADirectoryTargetIsSeen() throws Exception {
        Path dir = work.resolve("app");
        writeOld(dir.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        try {
                            System.out.println(Class.forName("extra.Extra").getSimpleName());
                        } catch (ClassNotFoundException e) {
                            System.out.println("none");
                        }
                    }
                }
                """);
        waitOutRacyWindow();
        assertThat(run("run", "app")).printed("none\n");
        assertThat(run("run", "app/")).printed("none\n");
        long before = jvmRuns();
        assertThat(run("run", "app")).printed("none\n");
        assertThat(jvmRuns()).isEqualTo(before);

        write(dir.resolve("extra/Extra.java"), "package extra; public class Extra {}\n");
        assertThat(run("run", "app")).printed("Extra\n");
    }

    @Test
    void anExpiredRunFileGoesBackToTheJvm() throws Exception {
        Path src = writeOld(work.resolve("Greet.java"), PROGRAM);
        waitOutRacyWindow();
        run("run", "Greet.java");
        Path rf = runFile(src);
        String text = Files.readString(rf);
        Matcher m = Pattern.compile("-lt ([0-9]+) ]").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        // As if the hour had passed: the limit is now in the past.
        Files.writeString(rf, text.replace(m.group(), "-lt 1 ]"));
        long before = jvmRuns();
        assertThat(run("run", "Greet.java")).printed("hello \n");
        assertThat(jvmRuns()).isGreaterThan(before);
        assertThat(Files.readString(rf)).doesNotContain("-lt 1 ]");
    }

    @Test
    void aMissingExecutableIsRebuilt() throws Exception {
        writeOld(work.resolve("Greet.java"), PROGRAM);
        waitOutRacyWindow();
        Path exe = run("run", "-x", "Greet.java").executable();
        deleteTree(exe.getParent());
        assertThat(run("run", "Greet.java")).printed("hello \n");
        assertThat(exe).exists();
    }

    @Test
    void bytesChangedInTheExecutableAreNeverRun() throws Exception {
        writeOld(work.resolve("Greet.java"), PROGRAM);
        waitOutRacyWindow();
        Path exe = run("run", "-x", "Greet.java").executable();
        long size = Files.size(exe);
        FileTime mtime = Files.getLastModifiedTime(exe);
        // Flip bytes in the middle (the jar's compressed classes), keeping the size and the mtime.
        try (RandomAccessFile f = new RandomAccessFile(exe.toFile(), "rw")) {
            byte[] middle = new byte[8];
            f.seek(size / 2);
            f.readFully(middle);
            for (int i = 0; i < middle.length; i++) {
                middle[i] ^= (byte) 0xff;
            }
            f.seek(size / 2);
            f.write(middle);
        }
        Files.setLastModifiedTime(exe, mtime);
        assertThat(Files.size(exe)).isEqualTo(size);
        String outputId = exe.getParent().getFileName().toString().replace("-d", "");
        assertThat(dev.jiffy.cache.Sha256.of(exe)).isNotEqualTo(outputId);

        Result r = run("run", "Greet.java");
        assertThat(r).printed("hello \n").stderrContains("does not match its output ID");
        assertThat(dev.jiffy.cache.Sha256.of(exe)).isEqualTo(outputId);
    }

    @Test
    void aHitLoadsNoCompilerClasses() throws Exception {
        writeOld(work.resolve("Greet.java"), PROGRAM);
        run("run", "Greet.java");
        // jiffy's JVM on its own (no launcher): it runs the program as a child after the build.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load", "-cp", Jiffy.ROOT.resolve("target/jiffy.jar") + ":" + Jiffy.ROOT.resolve("target/lib/*"),
                "dev.jiffy.cli.Main", "run", "-x", "Greet.java");
        Result r = jiffy.exec(command, new byte[0]);
        assertThat(r).succeeded().stderrContains("cache hit: ")
                .stdout().contains("dev.jiffy.work.Builder").contains("hello");
        assertThat(r.out().lines().filter(l -> l.contains("javax.tools.") || l.contains("com.sun.tools.javac.")
                || l.contains("com.sun.source.") || l.contains("org.eclipse.aether.") || l.contains("eu.maveniverse.")
                || l.contains("com.google.protobuf.") || l.contains("java.net.http.")).toList()).isEmpty();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
