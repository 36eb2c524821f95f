package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code jiffy run} and {@code build} say when they cannot run the program: javac's own
 * diagnostics for a compile error (exit 1), one line naming the file at fault for anything else
 * (exit 1), and a usage message for a bad command line (exit 2). Never a Java stack trace.
 */
class ErrorReportingIT {
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at ", Pattern.MULTILINE);

    @TempDir
    Path temp;
    Path work;
    Jiffy jiffy;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectory(temp.toRealPath().resolve("work"));
        jiffy = Jiffy.withCache(temp.toRealPath().resolve("cache"), work);
    }

    private static void assertNoStackTrace(Result r) {
        assertThat(STACK_FRAME.matcher(r.err()).find()).as("a stack trace in: " + r).isFalse();
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void compileErrorPrintsJavacsDiagnosticsRelativeToTheCurrentDirectory() throws Exception {
        Path source = write(work.resolve("src").resolve("Broken.java"), """
                public class Broken {
                    public static void main(String[] args) {
                        int n = "not a number";
                    }
                }
                """);
        for (String command : new String[] {"run", "build"}) {
            Result r = jiffy.run(command, "src/Broken.java");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).as(r.toString())
                    .anyMatch(l -> l.startsWith("src/Broken.java:3: error: incompatible types"));
            assertThat(r.err()).contains("1 error");
            assertNoStackTrace(r);
        }

        // A failed compile is not cached: once fixed, the program runs.
        Files.writeString(source, """
                public class Broken {
                    public static void main(String[] args) {
                        System.out.println("fixed");
                    }
                }
                """);
        Result fixed = jiffy.run("run", "src/Broken.java");
        assertThat(fixed.exit()).as(fixed.toString()).isZero();
        assertThat(fixed.out()).isEqualTo("fixed\n");
    }

    @Test
    void compileErrorUnderXStillHasNoStackTrace() throws Exception {
        write(work.resolve("Broken.java"), "public class Broken { void f() { undefined(); } }\n");
        Result r = jiffy.run("run", "-x", "Broken.java");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("Broken.java:1: error: cannot find symbol");
        assertNoStackTrace(r);
    }

    @Test
    void missingFileIsOneLine() throws Exception {
        for (String[] args : new String[][] {{"run", "Nowhere.java", "arg"}, {"build", "Nowhere.java"}}) {
            Result r = jiffy.run(args);
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("jiffy: ").contains("Nowhere.java");
        }
    }

    @Test
    void fileThatIsNotJavaIsOneLine() throws Exception {
        write(work.resolve("notes.txt"), "hello\n");
        Result r = jiffy.run("run", "notes.txt");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("notes.txt");
    }

    @Test
    void directoryWithoutMainClassIsOneLine() throws Exception {
        write(work.resolve("lib").resolve("Helper.java"), "class Helper { static int one() { return 1; } }\n");
        Result r = jiffy.run("run", "lib");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("lib").contains("no class with a main method");
        assertNoStackTrace(r);
    }

    @Test
    void directoryWithTwoMainClassesNamesBothInOneLine() throws Exception {
        Path dir = work.resolve("two");
        write(dir.resolve("Alpha.java"), "public class Alpha { public static void main(String[] a) {} }\n");
        write(dir.resolve("pkg").resolve("Beta.java"),
                "package pkg; public class Beta { public static void main(String[] a) {} }\n");
        Result r = jiffy.run("run", "two");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("two").contains("Alpha").contains("pkg.Beta");

        Result chosen = jiffy.run("run", "-main", "pkg.Beta", "two");
        assertThat(chosen.exit()).as(chosen.toString()).isZero();

        Result missing = jiffy.run("run", "-main", "Gamma", "two");
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.errLines()).as(missing.toString()).hasSize(1);
        assertThat(missing.err()).contains("Gamma");
    }

    @Test
    void outputIntoAMissingDirectoryIsOneLineNamingIt() throws Exception {
        write(work.resolve("Ok.java"), "public class Ok { public static void main(String[] a) {} }\n");
        Result r = jiffy.run("build", "-o", "missing/dir/app", "Ok.java");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("missing/dir").doesNotContain(".tmp");
        assertThat(work.resolve("missing")).doesNotExist();
    }

    @Test
    void badCacheSettingsAreOneLine() throws Exception {
        write(work.resolve("Ok.java"), "public class Ok { public static void main(String[] a) {} }\n");
        Result relative = jiffy.with("JIFFY_CACHE", "relative/cache").run("run", "Ok.java");
        assertThat(relative.exit()).as(relative.toString()).isEqualTo(2);
        assertThat(relative.err()).startsWith("jiffy: JIFFY_CACHE=relative/cache");

        // Programs run from the cache without a rebuild: one that others may write to is refused.
        Path open = Files.createDirectory(temp.toRealPath().resolve("open-cache"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Result refused = jiffy.with("JIFFY_CACHE", open.toString()).run("run", "Ok.java");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.errLines()).as(refused.toString()).hasSize(1);
        assertThat(refused.err()).contains(open.toString());
        try (var left = Files.list(open)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void badCommandLinesAreUsageErrors() throws Exception {
        write(work.resolve("Ok.java"), """
                public class Ok { public static void main(String[] a) { System.out.println("ran"); } }
                """);
        String[][] bad = {
            {"run", "-bogus", "Ok.java"},
            {"build", "--verbose", "Ok.java"},
            {"run", "-o", "out", "Ok.java"},
            {"run", "-main"},
            {"build", "-o"},
            {"run"},
            {"build", "Ok.java", "extra"},
            {"frobnicate"},
        };
        for (String[] args : bad) {
            Result r = jiffy.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r).isEqualTo(2);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err()).as(String.join(" ", args)).startsWith("jiffy: ").contains("usage:");
            assertNoStackTrace(r);
        }
        assertThat(jiffy.run("run", "-bogus", "Ok.java").err()).contains("-bogus");
    }
}
