package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.assertRan;
import static dev.jiffy.cli.Reliability.assertVerifiesClean;
import static dev.jiffy.cli.Reliability.killTree;
import static dev.jiffy.cli.Reliability.output;
import static dev.jiffy.cli.Reliability.program;
import static dev.jiffy.cli.Reliability.temporaryFiles;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crashes: bin/jiffy and everything it started, killed with SIGKILL at random moments of a build,
 * never leave a cache that runs the wrong program or that {@code cache verify} finds fault with;
 * what a killed writer leaves is temporary files, which trim removes once they are an hour old.
 */
@Tag(Reliability.TAG)
class ReliabilityCrashIT {
    private static final int FILES = 20;
    private static final int EXIT = 17;
    private static final int KILLS = 15;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Path cache = sandbox.cache();
    final Jiffy jiffy = sandbox.jiffy();

    @Test
    void killsAtRandomMomentsOfABuildLeaveACacheThatRunsTheRightProgram() throws Exception {
        program(work.resolve("app"), "app", FILES, EXIT);
        assertRan(jiffy.run("run", "app", "cold"), output("app", FILES, "cold"), EXIT);
        // Only to spread the kills over a build, as a first bound; nothing asserts on it.
        long started = System.nanoTime();
        assertRan(jiffy.run("run", "-a", "app", "timed"), output("app", FILES, "timed"), EXIT);
        long buildMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        int interrupted = 0;
        List<String> log = new ArrayList<>();
        long bound = buildMillis;
        // KILLS rounds, and more until half of them interrupted a build: a build that ends before
        // its delay lowers the bound to that delay, so later kills fall inside a build.
        for (int i = 0; i < KILLS || (interrupted < KILLS / 2 && i < 3 * KILLS); i++) {
            // A third of the kills hit a cold build into an empty cache, the rest a rebuild (-a) over a full one.
            boolean cold = i % 3 == 0;
            if (cold) {
                deleteTree(cache);
            }
            long delay = (long) (random.nextDouble() * bound);
            Process p = jiffy.start("run", "-a", "app", "killed");
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished && killTree(p)) {
                interrupted++;
            } else if (finished) {
                bound = Math.max(1, delay);
            }
            log.add("kill " + i + (cold ? " (cold)" : " (-a)") + " after " + delay + " ms: "
                    + (finished ? "finished first" : "killed") + ", " + temporaryFiles(cache).size() + " temporary files");

            Result next = jiffy.run("run", "app", "after-" + i);
            assertRan(next, output("app", FILES, "after-" + i), EXIT);
            assertVerifiesClean(jiffy);
        }
        assertThat(interrupted).as("seed %d, build %d ms: %s", seed, buildMillis, log).isGreaterThanOrEqualTo(KILLS / 2);
    }

    /**
     * A kill in the middle of writing the executable (made slow to write by a 16 MB resource)
     * leaves a temporary file beside it; a trim keeps it while it may still be written to, and
     * removes it once it is an hour old, leaving the entries that are in use.
     */
    @Test
    void aKillWhileTheExecutableIsWrittenLeavesATemporaryFileThatTrimRemoves() throws Exception {
        Path script = Jiffy.write(work.resolve("Big.java"), """
                //FILES big.bin
                public class Big {
                    public static void main(String[] args) throws Exception {
                        try (var in = Big.class.getResourceAsStream("/big.bin")) {
                            System.out.println("big " + in.readAllBytes().length);
                        }
                    }
                }
                """);
        byte[] noise = new byte[16 << 20];
        new Random(1).nextBytes(noise);
        Files.write(work.resolve("big.bin"), noise);
        Result built = jiffy.run("run", "-x", "Big.java");
        assertRan(built, "big " + noise.length + "\n", 0);
        Path exeDir = built.executable().getParent();

        boolean caught = false;
        for (int attempt = 0; attempt < 8 && !caught; attempt++) {
            deleteTree(exeDir);
            Process p = jiffy.start("run", "-a", "Big.java");
            // Kill the moment a temporary file shows beside where the executable goes.
            while (p.isAlive() && !hasTemporaryFile(exeDir)) {
                Thread.onSpinWait();
            }
            killTree(p);
            caught = hasTemporaryFile(exeDir) && !Files.exists(built.executable());
        }
        assertThat(caught).as("a kill landed while the executable was written, in 8 attempts").isTrue();
        Path left = temporaryFiles(exeDir.getParent()).get(0);

        assertRan(jiffy.run("run", "Big.java"), "big " + noise.length + "\n", 0);
        assertVerifiesClean(jiffy);

        assertThat(jiffy.run("cache", "trim")).succeeded();
        assertThat(left).as("a temporary file less than an hour old may still be written to").exists();

        List<Path> temporary = temporaryFiles(cache);
        assertThat(temporary).contains(left);
        FileTime twoHoursAgo = FileTime.from(Instant.now().minusSeconds(7200));
        for (Path t : temporary) {
            Files.setLastModifiedTime(t, twoHoursAgo);
        }
        Result trim = jiffy.run("cache", "trim");
        assertThat(trim).succeeded();
        assertThat(temporaryFiles(cache)).as(trim.toString()).isEmpty();
        // The entries themselves are in use and stay.
        Result hit = jiffy.run("run", "-x", "Big.java");
        assertRan(hit, "big " + noise.length + "\n", 0);
        assertThat(hit).isHit();
        assertThat(script).exists();
    }

    private static boolean hasTemporaryFile(Path exeDir) {
        try (Stream<Path> files = Files.list(exeDir.getParent())) {
            if (files.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-"))) {
                return true;
            }
        } catch (java.io.IOException e) {
            return false;
        }
        try (Stream<Path> files = Files.list(exeDir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
