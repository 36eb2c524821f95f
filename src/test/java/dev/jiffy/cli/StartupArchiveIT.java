package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program's start-up archive (DESIGN section 5), through the real launcher on JDK 17 (a
 * dynamic class-data archive) and JDK 25 (the AOT cache): never made by the first run, recorded
 * by the second through its run file with the program's own output and exit status, placed by
 * the third, then started with; a damaged one is a run without it and is made again. Waits are
 * for files to appear, never for times.
 */
class StartupArchiveIT {
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Pattern ARCHIVE = Pattern.compile("\\.cds-[0-9a-f]{16}\\.([0-9]+)\\.(jsa|aot)");
    /** Output on both streams, a lambda (a class the JVM spins at run time) and a status of its own. */
    private static final String PROGRAM = """
            public class Exits {
                public static void main(String[] args) {
                    Runnable r = () -> System.out.println("out " + String.join(",", args));
                    r.run();
                    System.err.println("err");
                    System.exit(3);
                }
            }
            """;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();

    private Jiffy jiffy(String jdk) {
        if (jdk.equals("25")) {
            assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "no JDK 25");
            return sandbox.jiffy().with("JAVA_HOME", JDK_25.toString());
        }
        return sandbox.jiffy().with("JAVA_HOME", null);
    }

    private void writeProgram() throws Exception {
        Path file = write(work.resolve("Exits.java"), PROGRAM);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Thread.sleep(2_200); // the racy rule: a run file is written once the inputs' ctimes are 2 s old
    }

    private static void assertProgramRan(Result r, String args) {
        assertThat(r).exitedWith(3).printed("out " + args + "\n");
        assertThat(r.err()).isEqualTo("err\n");
    }

    /** As {@link #assertProgramRan}, for a run under -x, whose trace shares stderr with the program. */
    private static void assertTracedRan(Result r, String args) {
        assertThat(r).exitedWith(3).printed("out " + args + "\n");
        assertThat(r.err().lines()).contains("err");
    }

    private static List<Path> archives(Path exeDir) throws Exception {
        try (Stream<Path> files = Files.list(exeDir)) {
            return files.filter(f -> ARCHIVE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** Whether the one archive there now is not the damaged one; a job placing another may just have removed it. */
    private static boolean madeAgain(Path exeDir, byte[] bad) throws Exception {
        List<Path> found = archives(exeDir);
        try {
            return found.size() == 1 && !java.util.Arrays.equals(Files.readAllBytes(found.get(0)), bad);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static Path awaitArchive(Path exeDir) throws Exception {
        return ReliabilityCorruptionIT.awaitArchive(exeDir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "25"})
    void theSecondRunMakesTheArchiveWithTheProgramsOwnOutputAndStatusAndLaterRunsStartWithIt(String jdk)
            throws Exception {
        Jiffy jiffy = jiffy(jdk);
        writeProgram();
        Result first = jiffy.run("run", "-x", "Exits.java", "a");
        assertTracedRan(first, "a");
        assertThat(first.err()).contains("start-up archive: none yet");
        Path exeDir = first.executable().getParent();
        assertThat(archives(exeDir)).as("the first run makes none").isEmpty();

        // The second run comes from the run file: it records the archive at its exit, beside the cache.
        assertProgramRan(jiffy.run("run", "Exits.java", "b", "c d"), "b,c d");
        try (Stream<Path> files = Files.list(Path.of(sandbox.cache() + ".train"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".run"));
        }
        assertThat(archives(exeDir)).isEmpty();
        // The third finds that run gone and places what it left.
        assertProgramRan(jiffy.run("run", "Exits.java", "g"), "g");
        Path archive = awaitArchive(exeDir);
        Matcher m = ARCHIVE.matcher(archive.getFileName().toString());
        assertThat(m.matches()).isTrue();
        assertThat(Files.size(archive)).isEqualTo(Long.parseLong(m.group(1)));
        assertThat(m.group(2)).isEqualTo(jdk.equals("25") ? "aot" : "jsa");
        if (jdk.equals("17")) {
            assertThat(Files.size(archive)).as("only what the JDK's own archive lacks").isLessThan(1 << 20);
        }

        // Later runs map it: with -Xshare:on (or AOTMode=on) the JVM would stop if it could not.
        String strict = jdk.equals("25") ? "-XX:AOTMode=on" : "-Xshare:on";
        Result mapped = jiffy.with("JAVA_TOOL_OPTIONS", strict).run("run", "Exits.java", "e");
        assertThat(mapped).exitedWith(3).printed("out e\n");
        assertThat(mapped.err()).isEqualTo("Picked up JAVA_TOOL_OPTIONS: " + strict + "\nerr\n");
        assertThat(archives(exeDir)).containsExactly(archive);

        // The JVM path (-x writes no run file) starts with the same archive.
        Result viaJvm = jiffy.run("run", "-x", "Exits.java", "f");
        assertTracedRan(viaJvm, "f");
        assertThat(viaJvm.err()).contains("start-up archive: " + archive);
        assertThat(jiffy.run("cache", "stat").out()).containsPattern("(?m)^archives: +[1-9][0-9]* \\(");
    }

    /**
     * JDK 17 crashes on a dynamic archive cut short, so a size that is not the one in the
     * archive's name is a run without it, through the run file as through jiffy's JVM; the archive
     * is then made again. Garbage of the right size is the JVM's to ignore.
     */
    @ParameterizedTest
    @ValueSource(strings = {"truncated:17", "truncated:25", "garbage:17", "garbage:25", "empty:17"})
    void aDamagedArchiveIsARunWithoutItAndIsMadeAgain(String how) throws Exception {
        String[] parts = how.split(":");
        Jiffy jiffy = jiffy(parts[1]);
        writeProgram();
        Path exeDir = jiffy.run("run", "-x", "Exits.java", "a").executable().getParent();
        assertProgramRan(jiffy.run("run", "Exits.java", "b"), "b");
        assertProgramRan(jiffy.run("run", "Exits.java", "b2"), "b2");
        Path archive = awaitArchive(exeDir);
        ReliabilityCorruptionIT.damage(archive, parts[0].equals("empty") ? "zero-length" : parts[0]);
        byte[] bad = Files.readAllBytes(archive);

        // Runs through the run file and through jiffy's JVM (-x writes no run file; it also reads the
        // first bytes, so garbage of the right size goes too) are right, and one of them makes it again.
        Path again = null;
        for (int i = 0; i < 6 && again == null; i++) {
            if (i % 2 == 0) {
                assertProgramRan(jiffy.run("run", "Exits.java", "c" + i), "c" + i);
            } else {
                assertTracedRan(jiffy.run("run", "-x", "Exits.java", "d" + i), "d" + i);
            }
            if (madeAgain(exeDir, bad)) {
                again = awaitArchive(exeDir);
            }
        }
        assertThat(again).as("made again within six runs").isNotNull();
        assertThat(Files.size(again)).isEqualTo(Long.parseLong(ARCHIVE.matcher(again.getFileName().toString())
                .replaceAll("$1")));
        assertProgramRan(jiffy.run("run", "Exits.java", "e"), "e");
    }
}
