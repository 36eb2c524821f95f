package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jiffy.cache.DiskCache;
import dev.jiffy.harness.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile and link actions against a real cache on disk and the real javac, in-process: what
 * is a hit, what the reporter is told, and that cached output does not depend on the directory
 * jiffy ran in.
 */
class BuilderTest {
    /** Line 4 uses an API deprecated for removal in Java 17 and still in 25, which javac warns of by default. */
    private static final String WARNED = """
            public class Warned {
                public static void main(String[] args) {
                    java.util.List raw = new java.util.ArrayList();
                    raw.add(System.getSecurityManager());
                }
            }
            """;

    @TempDir
    Path temp;
    Path work;
    DiskCache cache;
    final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectory(temp.toRealPath().resolve("work"));
        cache = DiskCache.open(temp.toRealPath().resolve("cache"), Clock.systemUTC(), false);
    }

    private BuildResult build(Path cwd, String target, String main) throws Exception {
        Builder builder = new Builder(cache, Jdk.current(), "test", cwd, reporter, SourceScanner.READ, Clock.systemUTC(),
                WarmCompiles.none());
        return builder.build(new BuildRequest(Target.resolve(cwd, target), main, false, false, true, Map.of(), Map.of()));
    }

    @Test
    void secondBuildIsAHitOnTheSameExecutable() throws Exception {
        write("app/Main.java", "public class Main { public static void main(String[] a) {} }\n");
        BuildResult first = build(work, "app", null);
        assertThat(first.hit()).isFalse();
        assertThat(first.mainClass()).isEqualTo("Main");
        assertThat(reporter.steps).anyMatch(s -> s.startsWith("javac 1 file of app"));

        reporter.steps.clear();
        BuildResult second = build(work, "app", null);
        assertThat(second.hit()).isTrue();
        assertThat(second.executable()).isEqualTo(first.executable());
        assertThat(reporter.steps).noneMatch(s -> s.startsWith("javac"));
    }

    /** A comment compiles to the same classes, but the executable's build info names the new source. */
    @Test
    void anEditThatCompilesToTheSameClassesLinksAnExecutableNamingTheNewSource() throws Exception {
        write("app/Main.java", "public class Main { public static void main(String[] a) {} }\n");
        BuildResult first = build(work, "app", null);
        write("app/Main.java", "public class Main { public static void main(String[] a) {} } // edited\n");
        BuildResult second = build(work, "app", null);
        assertThat(second.hit()).isFalse();
        assertThat(second.executable()).isNotEqualTo(first.executable());
        assertThat(Executable.buildInfo(second.executable())).contains(
                "source\tMain.java\t" + dev.jiffy.cache.Sha256.of(work.resolve("app/Main.java")));
    }

    @Test
    void eachActionTracesItsIdAndOnAMissTheCachesReason() throws Exception {
        write("app/Main.java", "public class Main { public static void main(String[] a) {} }\n");

        build(work, "app", null);
        assertThat(reporter.traces).hasSize(2);
        assertThat(reporter.traces.get(0)).matches("action compile [0-9a-f]{64}: miss \\(no index entry\\)");
        assertThat(reporter.traces.get(1)).matches("action link [0-9a-f]{64}: miss \\(no index entry\\)");
        List<String> missed = List.copyOf(reporter.traces);

        reporter.traces.clear();
        build(work, "app", null);
        assertThat(reporter.traces).containsExactly(missed.get(0).replace(": miss (no index entry)", ": hit"),
                missed.get(1).replace(": miss (no index entry)", ": hit"));
    }

    @Test
    void aDamagedCompileOutputIsAMissThatSaysSo() throws Exception {
        write("app/Main.java", "public class Main { public static void main(String[] a) {} }\n");
        BuildResult first = build(work, "app", null);
        String compileId = reporter.traces.get(0).substring("action compile ".length(), "action compile ".length() + 64);
        String outputId = Files.readString(cache.root().resolve(compileId.substring(0, 2)).resolve(compileId + "-a"))
                .split(" ")[2];
        Path content = cache.root().resolve(outputId.substring(0, 2)).resolve(outputId + "-d");
        byte[] bytes = Files.readAllBytes(content);
        bytes[bytes.length / 2] ^= 1;
        Files.write(content, bytes);

        reporter.traces.clear();
        BuildResult second = build(work, "app", null);

        assertThat(reporter.traces.get(0)).isEqualTo("action compile " + compileId + ": miss (content does not match its output ID)");
        assertThat(second.outputId()).isEqualTo(first.outputId());
    }

    @Test
    void warningsNameFilesFromTheCurrentDirectoryAlsoOnAHit() throws Exception {
        write("sub/Warned.java", WARNED);
        build(work.resolve("sub"), "Warned.java", null);
        assertThat(reporter.compilerOutput()).contains("Warned.java:4: warning: [removal]")
                .doesNotContain("sub/Warned.java").doesNotContain("\0");

        reporter.output.clear();
        BuildResult hit = build(work, "sub/Warned.java", null);
        assertThat(hit.hit()).isTrue();
        assertThat(reporter.compilerOutput()).contains("sub/Warned.java:4: warning: [removal]")
                .contains("Note: sub/Warned.java uses unchecked or unsafe operations.");

        reporter.output.clear();
        build(temp.toRealPath(), "work/sub/Warned.java", null);
        assertThat(reporter.compilerOutput()).contains("work/sub/Warned.java:4: warning: [removal]");
    }

    @Test
    void warningsNameSourcesOutsideTheTargetAsJavacWould() throws Exception {
        write("app/Main.java", "//SOURCES ../lib/Warned.java\nclass Main {}\n");
        write("lib/Warned.java", WARNED);
        build(work, "app/Main.java", "Warned");
        assertThat(reporter.compilerOutput()).contains("lib/Warned.java:4: warning: [removal]")
                .doesNotContain("..");
    }

    @Test
    void sameSourcesFromAnotherDirectoryGiveTheSameCompileOutput() throws Exception {
        // JIFFY_VERIFY=1 rebuilds every action and fails on output that differs from the cached one.
        write("sub/Warned.java", WARNED);
        build(work.resolve("sub"), "Warned.java", null);
        cache = DiskCache.open(temp.toRealPath().resolve("cache"), Clock.systemUTC(), true);
        BuildResult verified = build(work, "sub/Warned.java", null);
        assertThat(verified.executable()).exists();
    }

    @Test
    void compileErrorsNameFilesFromTheCurrentDirectory() throws Exception {
        write("src/Broken.java", "public class Broken { void f() { missing(); } }\n");
        assertThatThrownBy(() -> build(work, "src", null)).isInstanceOf(BuildException.class);
        assertThat(reporter.compilerOutput()).startsWith("src/Broken.java:1: error: cannot find symbol");
    }

    @Test
    void mainClassIsChosenByFlagOrDirectiveOrBeingTheOnlyOne() throws Exception {
        write("two/A.java", "public class A { public static void main(String[] a) {} }\n");
        write("two/B.java", "public class B { public static void main(String[] a) {} }\n");
        assertThatThrownBy(() -> build(work, "two", null)).isInstanceOf(BuildException.class)
                .hasMessage("two: several classes with a main method: A, B (choose one with -main Class or //MAIN)");
        assertThat(build(work, "two", "B").mainClass()).isEqualTo("B");
        assertThatThrownBy(() -> build(work, "two", "C")).isInstanceOf(BuildException.class)
                .hasMessageContaining("-main C: no such class in two");

        write("two/C.java", "//MAIN A\nclass C {}\n");
        assertThat(build(work, "two", null).mainClass()).isEqualTo("A");
    }

    private void write(String relative, String text) throws Exception {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
