package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.assertRan;
import static dev.jiffy.cli.Reliability.assertVerifiesClean;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corruption: bytes of the cache changed behind jiffy's back (a bad disk, a stray tool) are a
 * miss and a rebuild, or a run without the damaged part, never a run of the bad bytes. Each case
 * damages the cache that the previous one left repaired, runs the program, checks its output
 * and exit status, and has {@code cache verify} find the cache clean again.
 */
@Tag(Reliability.TAG)
class ReliabilityCorruptionIT {
    private static final String PROGRAM = """
            public class Hello {
                public static void main(String[] args) {
                    System.out.println("hello " + String.join(",", args));
                    System.exit(3);
                }
            }
            """;

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    static final Path cache = sandbox.cache();
    static final Jiffy jiffy = sandbox.jiffy();
    static Path runFile;
    static final Random RANDOM = new Random();

    @BeforeAll
    static void buildOnce() throws Exception {
        Path source = Jiffy.write(sandbox.work().resolve("Hello.java"), PROGRAM);
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(60)));
        runFile = Path.of(cache + "/run" + source + ".run");
        // The racy rule writes a run file only for inputs whose ctime is two seconds old.
        Thread.sleep(2_200);
        assertRan(jiffy.run("run", "Hello.java", "first"), "hello first\n", 3);
        assertThat(runFile).exists();
    }

    /** {@code run -x}: through jiffy's JVM, which reads the index and the content. */
    private static Result runThroughJvm(String arg) throws Exception {
        Result r = jiffy.run("run", "-x", "Hello.java", arg);
        assertRan(r, "hello " + arg + "\n", 3);
        return r;
    }

    private static List<Path> files(String suffix, boolean directories) throws IOException {
        try (Stream<Path> all = Files.walk(cache, 2)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> directories ? Files.isDirectory(p) : Files.isRegularFile(p)).sorted().toList();
        }
    }

    static void damage(Path file, String how) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        switch (how) {
            case "truncated" -> Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            case "zero-length" -> Files.write(file, new byte[0]);
            case "garbage" -> {
                // The same size, so that no size check can tell.
                byte[] noise = new byte[bytes.length];
                RANDOM.nextBytes(noise);
                Files.write(file, noise);
            }
            default -> throw new IllegalArgumentException(how);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "garbage", "zero-length"})
    void damagedIndexEntriesAreAMissAndARebuild(String how) throws Exception {
        List<Path> entries = files("-a", false);
        assertThat(entries).hasSize(2);
        for (Path e : entries) {
            damage(e, how);
        }
        Result r = runThroughJvm(how);
        assertThat(r).compiled();
        assertVerifiesClean(jiffy);
        assertThat(runThroughJvm("again")).isHit();
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "garbage", "zero-length"})
    void damagedCompileOutputIsAMissAndARebuild(String how) throws Exception {
        List<Path> content = files("-d", false);
        assertThat(content).as("the compile output").hasSize(1);
        damage(content.get(0), how);
        Result r = runThroughJvm(how);
        assertThat(r).compiled();
        assertVerifiesClean(jiffy);
        assertThat(runThroughJvm("again")).didNotCompile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "garbage", "zero-length"})
    void aDamagedCompileOutputIsNotLinkedIntoAProgram(String how) throws Exception {
        // Without the link entry, a compile hit's content is what the executable is made of.
        List<Path> entries = files("-a", false);
        Path exeDir = files("-d", true).get(0);
        for (Path e : entries) {
            if (new String(Files.readAllBytes(e), StandardCharsets.US_ASCII).contains(exeDir.getFileName().toString()
                    .replace("-d", ""))) {
                Files.delete(e);
            }
        }
        damage(files("-d", false).get(0), how);
        runThroughJvm(how);
        assertVerifiesClean(jiffy);
    }

    @Test
    void anExecutableWithBytesAppendedIsRebuilt() throws Exception {
        Path exe = runThroughJvm("before").executable();
        Files.write(exe, "\nexec echo planted\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        Result r = runThroughJvm("appended");
        assertThat(r).isNotHit();
        assertRan(jiffy.run("run", "Hello.java", "fast"), "hello fast\n", 3);
        assertVerifiesClean(jiffy);
    }

    @Test
    void anExecutableChangedInPlaceKeepingSizeAndMtimeIsNeverRun() throws Exception {
        Path exe = runThroughJvm("before").executable();
        long size = Files.size(exe);
        FileTime mtime = Files.getLastModifiedTime(exe);
        try (RandomAccessFile f = new RandomAccessFile(exe.toFile(), "rw")) {
            // The class bytes, compressed, sit in the jar after the sh header.
            for (long at = size / 2; at < size / 2 + 16; at++) {
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ 0x5a);
            }
        }
        Files.setLastModifiedTime(exe, mtime);
        // The launcher first: the run file pins the executable's ctime and inode, which moved.
        Result r = jiffy.run("run", "Hello.java", "flipped");
        assertRan(r, "hello flipped\n", 3);
        assertThat(r).stderrLinesStartingWith("jiffy:").singleElement().asString().contains("does not match its output ID");
        assertVerifiesClean(jiffy);
    }

    /**
     * A run file is sh that the launcher sources: cut anywhere, replaced by garbage or emptied,
     * it must neither stop the launcher nor start the program half-configured.
     */
    @ParameterizedTest
    @ValueSource(strings = {"truncated in the checks", "truncated in the command", "without its arguments",
            "garbage", "zero-length"})
    void aDamagedRunFileFallsBackToJiffysJvm(String how) throws Exception {
        Result setUp = jiffy.run("run", "Hello.java", "setup");
        assertRan(setUp, "hello setup\n", 3);
        assertThat(runFile).exists();
        String text = Files.readString(runFile);
        switch (how) {
            case "truncated in the checks" -> Files.writeString(runFile, text.substring(0, text.indexOf("read -r")));
            // Right after the java command's first word: a complete command that runs java without its class path.
            case "truncated in the command" -> Files.writeString(runFile,
                    text.substring(0, text.indexOf("' '", text.lastIndexOf("exec '")) + 1));
            case "without its arguments" -> Files.writeString(runFile, text.substring(0, text.lastIndexOf(" \"$@\"")));
            default -> damage(runFile, how);
        }
        Result r = jiffy.run("run", "Hello.java", "a b", "c");
        assertRan(r, "hello a b,c\n", 3);
        assertThat(runFile).as("rewritten by jiffy's JVM").exists();
        assertRan(jiffy.run("run", "Hello.java", "d"), "hello d\n", 3);
    }

    /**
     * The program's start-up archive, once a run has recorded it and the next placed it: cut short
     * or replaced by garbage, the JVM runs the program without it (JDK 17 would crash on one cut
     * short, so its size is checked against its name), and it is made again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"truncated", "garbage"})
    void aDamagedClassDataArchiveIsARunWithoutIt(String how) throws Exception {
        runThroughJvm("built");
        runThroughJvm("record");
        Path exeDir = runThroughJvm("place").executable().getParent();
        Path archive = awaitArchive(exeDir);
        damage(archive, how);
        byte[] bad = Files.readAllBytes(archive);
        Result r = jiffy.run("run", "Hello.java", "archive");
        assertRan(r, "hello archive\n", 3);
        assertThat(r).stderr().isEmpty();
        runThroughJvm("again");
        runThroughJvm("placed");
        assertThat(Files.readAllBytes(awaitArchive(exeDir))).as("made again").isNotEqualTo(bad);
        assertVerifiesClean(jiffy);
    }

    /**
     * The one archive in {@code exeDir} once no background job is placing one (a job in
     * {@code <cache>.train}; the cache is two levels above the executable's directory).
     */
    static Path awaitArchive(Path exeDir) throws Exception {
        Path training = Path.of(exeDir.getParent().getParent() + ".train");
        for (int i = 0; i < 480; i++) {
            List<String> archives;
            try (Stream<Path> files = Files.list(exeDir)) {
                archives = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("\\.cds-[0-9a-f]{16}\\.[0-9]+\\.(jsa|aot)")).toList();
            }
            boolean placing;
            try (Stream<Path> files = Files.exists(training) ? Files.list(training) : Stream.empty()) {
                placing = files.anyMatch(f -> f.getFileName().toString().endsWith(".placing"));
            }
            if (archives.size() == 1 && !placing) {
                return exeDir.resolve(archives.get(0));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no start-up archive in " + exeDir + " after 2 minutes");
    }
}
