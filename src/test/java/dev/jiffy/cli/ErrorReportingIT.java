package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code jiffy run} and {@code build} say when they cannot run the program: javac's own
 * diagnostics for a compile error (exit 1), one line naming the file at fault for anything else
 * (exit 1), and a usage message for a bad command line (exit 2). Never a Java stack trace.
 */
class ErrorReportingIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    private static void assertNoStackTrace(Result r) {
        assertThat(r).hasNoStackTrace().stderr().doesNotContain("Exception");
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
            assertThat(r).exitedWith(1).printed("").stderrContains("1 error").stderrLines()
                    .anyMatch(l -> l.startsWith("src/Broken.java:3: error: incompatible types"));
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
        assertThat(fixed).succeeded().printed("fixed\n");
    }

    @Test
    void aGradleBuildIsOneLineNotAPlainDirectoryOfSources() throws Exception {
        Path project = work.resolve("gradle-app");
        write(project.resolve("settings.gradle.kts"), "rootProject.name = \"app\"\n");
        write(project.resolve("src/main/java/app/Main.java"),
                "package app; public class Main { public static void main(String[] a) { System.out.println(\"main\"); } }\n");
        write(project.resolve("src/test/java/app/MainTest.java"), "package app; class MainTest { org.junit.Test t; }\n");

        // The build file is named as javac names files: relative below the current directory, else absolute.
        for (Path dir : new Path[] {project, project.resolve("src/main/java")}) {
            String named = dir.equals(project) ? "settings.gradle.kts" : project.resolve("settings.gradle.kts").toString();
            Result r = jiffy.in(dir).run("run", ".");
            assertThat(r).exitedWith(1).printed("").stderrLines().containsExactly("jiffy: .: a Gradle build (" + named
                    + "); jiffy reads Maven projects, not Gradle builds: run one of its .java files instead");
        }
        // A script inside it still runs as one.
        Result script = jiffy.in(project).run("run", "src/main/java/app/Main.java");
        assertThat(script).succeeded().printed("main\n");
    }

    @Test
    void compileErrorUnderXStillHasNoStackTrace() throws Exception {
        write(work.resolve("Broken.java"), "public class Broken { void f() { undefined(); } }\n");
        Result r = jiffy.run("run", "-x", "Broken.java");
        assertThat(r).exitedWith(1).stderrContains("Broken.java:1: error: cannot find symbol");
        assertNoStackTrace(r);
    }

    @Test
    void missingFileIsOneLine() throws Exception {
        for (String[] args : new String[][] {{"run", "Nowhere.java", "arg"}, {"build", "Nowhere.java"}}) {
            Result r = jiffy.run(args);
            assertThat(r).exitedWith(1).printed("").stderrLines().hasSize(1);
            assertThat(r).stderr().startsWith("jiffy: ").contains("Nowhere.java");
        }
    }

    @Test
    void fileThatIsNotJavaIsOneLine() throws Exception {
        write(work.resolve("notes.txt"), "hello\n");
        Result r = jiffy.run("run", "notes.txt");
        assertThat(r).exitedWith(1).stderrContains("notes.txt").stderrLines().hasSize(1);
    }

    @Test
    void directoryWithoutMainClassIsOneLine() throws Exception {
        write(work.resolve("lib").resolve("Helper.java"), "class Helper { static int one() { return 1; } }\n");
        Result r = jiffy.run("run", "lib");
        assertThat(r).exitedWith(1).stderrContains("lib", "no class with a main method").stderrLines().hasSize(1);
        assertNoStackTrace(r);
    }

    @Test
    void directoryWithTwoMainClassesNamesBothInOneLine() throws Exception {
        Path dir = work.resolve("two");
        write(dir.resolve("Alpha.java"), "public class Alpha { public static void main(String[] a) {} }\n");
        write(dir.resolve("pkg").resolve("Beta.java"),
                "package pkg; public class Beta { public static void main(String[] a) {} }\n");
        Result r = jiffy.run("run", "two");
        assertThat(r).exitedWith(1).stderrContains("two", "Alpha", "pkg.Beta").stderrLines().hasSize(1);

        Result chosen = jiffy.run("run", "-main", "pkg.Beta", "two");
        assertThat(chosen).succeeded();

        Result missing = jiffy.run("run", "-main", "Gamma", "two");
        assertThat(missing).exitedWith(1).stderrContains("Gamma").stderrLines().hasSize(1);
    }

    @Test
    void outputIntoAMissingDirectoryIsOneLineNamingIt() throws Exception {
        write(work.resolve("Ok.java"), "public class Ok { public static void main(String[] a) {} }\n");
        Result r = jiffy.run("build", "-o", "missing/dir/app", "Ok.java");
        assertThat(r).exitedWith(1).stderrLines().hasSize(1);
        assertThat(r).stderr().contains("missing/dir").doesNotContain(".tmp");
        assertThat(work.resolve("missing")).doesNotExist();
    }

    @Test
    void badCacheSettingsAreOneLine() throws Exception {
        write(work.resolve("Ok.java"), "public class Ok { public static void main(String[] a) {} }\n");
        Result relative = jiffy.with("JIFFY_CACHE", "relative/cache").run("run", "Ok.java");
        assertThat(relative).exitedWith(2).stderr().startsWith("jiffy: JIFFY_CACHE=relative/cache");

        // Programs run from the cache without a rebuild: one that others may write to is refused.
        Path open = Files.createDirectory(sandbox.dir().resolve("open-cache"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Result refused = jiffy.with("JIFFY_CACHE", open.toString()).run("run", "Ok.java");
        assertThat(refused).exitedWith(1).stderrContains(open.toString()).stderrLines().hasSize(1);
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
            assertThat(r).as(String.join(" ", args)).exitedWith(2).printed("")
                    .stderr().startsWith("jiffy: ").contains("usage:");
            assertNoStackTrace(r);
        }
        assertThat(jiffy.run("run", "-bogus", "Ok.java")).stderrContains("-bogus");
    }
}
