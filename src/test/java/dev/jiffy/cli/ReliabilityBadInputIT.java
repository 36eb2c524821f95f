package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.assertNoStackTrace;
import static dev.jiffy.cli.Reliability.assertRan;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.DiskCache;
import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input: names, files and sources that a careless or hostile user can hand jiffy. Each is
 * one clear line or a correct run, never a stack trace, a hang or a file outside the cache.
 * (A directory with no or two main classes: {@code ErrorReportingIT}; arguments with newlines
 * and quotes, through jiffy's JVM and the run file: {@code ProgramBehaviourIT}.)
 */
@Tag(Reliability.TAG)
class ReliabilityBadInputIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Path cache = sandbox.cache();
    final Jiffy jiffy = sandbox.jiffy();

    private static String program(String says) {
        return "class Main { public static void main(String[] a) { System.out.println(\"" + says + "\"); } }\n";
    }

    /** The library refuses every name that is not one safe path element, and writes nothing. */
    @Test
    void theCacheRefusesProgramNamesThatAreNotOnePathElement() throws Exception {
        try (DiskCache c = DiskCache.open(cache, Clock.systemUTC(), false)) {
            for (String name : List.of("a/b", "../escape", "..", ".", "nul\0byte", "x".repeat(300), "back\\slash", "")) {
                ActionId action = new ActionId(dev.jiffy.cache.Sha256.of(name.getBytes(StandardCharsets.UTF_8)));
                org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                        .isThrownBy(() -> c.putExecutable(action, name, new byte[] {1}))
                        .withMessageStartingWith("bad program name");
            }
        }
        assertThat(Reliability.temporaryFiles(cache)).isEmpty();
        try (var files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
        assertThat(sandbox.dir().resolve("escape")).doesNotExist();
    }

    /**
     * File and directory names that cannot be program names as they are (".." inside, a leading
     * dot, a backslash, quotes and shell syntax, 250 bytes) still run, under a name made safe.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a..b.java", ".hidden.java", "back\\slash.java", "it's \"quoted\" $(x) `y`.java",
            "dir..name", ".dotdir", "LONG.java"})
    void awkwardNamesRunUnderASafeProgramName(String name) throws Exception {
        String file = name.replace("LONG", "n".repeat(250));
        Path source = file.endsWith(".java") ? work.resolve(file) : work.resolve(file).resolve("Main.java");
        Jiffy.write(source, program("ran " + name.length()));
        Result r = jiffy.run("run", "-x", file);
        assertRan(r, "ran " + name.length() + "\n", 0);
        Path exe = r.executable();
        assertThat(exe.getParent().getParent().getParent()).isEqualTo(cache);
        String programName = exe.getFileName().toString();
        assertThat(programName).doesNotStartWith(".").doesNotContain("..").doesNotContain("\\").doesNotContain("/");
        assertRan(jiffy.run("run", file), "ran " + name.length() + "\n", 0);
    }

    @Test
    void aFileNameWithALineBreakIsOneLine() throws Exception {
        Jiffy.write(work.resolve("two\nlines.java"), program("never"));
        Result r = jiffy.run("run", "two\nlines.java");
        assertThat(r).exitedWith(1).printed("").stderrLines().singleElement().asString()
                .isEqualTo("jiffy: two\\nlines.java: a file name with a line break cannot be built; rename it");
        Files.createDirectories(work.resolve("app"));
        Jiffy.write(work.resolve("app/Main.java"), program("never"));
        Jiffy.write(work.resolve("app/odd\nname.java"), "class Odd {}\n");
        Result dir = jiffy.run("run", "app");
        assertThat(dir).exitedWith(1).stderrLines().singleElement().asString().contains("odd\\nname.java", "line break");
    }

    @Test
    void aFifoIsNeitherReadNorWaitedFor() throws Exception {
        Files.createDirectories(work.resolve("app"));
        Result mkfifo = jiffy.exec(List.of("mkfifo", "Pipe.java", "app/Pipe.java"), new byte[0]);
        assertThat(mkfifo).succeeded();
        Jiffy.write(work.resolve("app/Main.java"), program("beside a fifo"));

        Result r = jiffy.run("run", "Pipe.java");
        assertThat(r).exitedWith(1).stderrLines().containsExactly("jiffy: Pipe.java: not a regular file or directory");
        assertRan(jiffy.run("run", "app"), "beside a fifo\n", 0);
        assertRan(jiffy.run("run", "app"), "beside a fifo\n", 0);
    }

    @Test
    void aSourceThatIsNotUtf8IsJavacsErrorNotAMangledString() throws Exception {
        byte[] latin1 = "public class Latin { public static void main(String[] a) { System.out.println(\"caf\u00e9\"); } }\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(work.resolve("Latin.java"), latin1);
        Result r = jiffy.run("run", "Latin.java");
        assertThat(r).exitedWith(1).printed("").stderrContains("Latin.java", "line 1 is not UTF-8 (byte 0xE9)");
        assertNoStackTrace(r);
        // The same program in UTF-8 runs and says what its source says.
        Files.writeString(work.resolve("Latin.java"), new String(latin1, StandardCharsets.ISO_8859_1));
        Result fixed = jiffy.run("run", "Latin.java");
        assertThat(fixed).succeeded().stdout().startsWith("caf");
    }

    /** 50 MB of source on one line (a comment): no hang, no OutOfMemoryError, a correct run. */
    @Test
    void aFiftyMegabyteSourceRuns() throws Exception {
        Path source = work.resolve("Huge.java");
        try (BufferedWriter out = Files.newBufferedWriter(source, StandardCharsets.UTF_8)) {
            out.write("// ");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'y');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\npublic class Huge { public static void main(String[] a) { System.out.println(\"huge\"); } }\n");
        }
        assertThat(Files.size(source)).isGreaterThan(50L << 20);
        Result r = jiffy.run("run", "Huge.java");
        if (r.exit() == 1 && r.err().contains("OutOfMemoryError")) {
            // A machine with little memory: one line saying so is the most that can be asked.
            assertThat(r).stderrLinesStartingWith("jiffy:").hasSize(1);
            return;
        }
        assertRan(r, "huge\n", 0);
        assertRan(jiffy.run("run", "Huge.java"), "huge\n", 0);
    }
}
