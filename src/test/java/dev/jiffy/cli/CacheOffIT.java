package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code JIFFY_CACHE=off}: the program is built into a temporary directory, runs as usual, and
 * nothing is left behind, neither in the temporary directory nor in a default cache.
 */
class CacheOffIT {
    @TempDir
    Path temp;
    Path work;
    Path tmp;
    Path home;
    Jiffy jiffy;

    @BeforeEach
    void setUp() throws Exception {
        Path root = temp.toRealPath();
        work = Files.createDirectory(root.resolve("work"));
        tmp = Files.createDirectory(root.resolve("tmp"));
        home = Files.createDirectory(root.resolve("home"));
        // Java takes its temporary directory from java.io.tmpdir, not TMPDIR.
        jiffy = Jiffy.withCache(root.resolve("unused"), work)
                .with("JIFFY_CACHE", "off")
                .with("HOME", home.toString())
                .with("XDG_CACHE_HOME", null)
                .with("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        // The program counts jiffy's temporary directories while it runs: the build it runs from.
        write(work.resolve("Off.java"), """
                import java.io.File;

                public class Off {
                    public static void main(String[] args) {
                        String[] temps = new File(System.getProperty("java.io.tmpdir")).list((d, n) -> n.startsWith("jiffy"));
                        System.out.println("off " + String.join(" ", args) + " " + temps.length);
                        System.exit(5);
                    }
                }
                """);
    }

    @Test
    void runBuildsIntoATemporaryDirectoryAndRemovesIt() throws Exception {
        for (int i = 0; i < 2; i++) {
            Result r = jiffy.run("run", "Off.java", "a b");
            assertThat(r.out()).as(r.toString()).isEqualTo("off a b 1\n");
            assertThat(r.exit()).isEqualTo(5);
            assertThat(r.err()).doesNotContain("jiffy:");
            assertLeftNothing();
        }
    }

    @Test
    void buildOutputRunsAndNothingElseIsLeft() throws Exception {
        Result r = jiffy.run("build", "-o", "off-app", "Off.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertLeftNothing();
        Result ran = jiffy.exec(List.of(work.resolve("off-app").toString(), "x"), new byte[0]);
        assertThat(ran.out()).as(ran.toString()).isEqualTo("off x 0\n");
        assertThat(ran.exit()).isEqualTo(5);
    }

    private void assertLeftNothing() throws Exception {
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("left in the temporary directory").isEmpty();
        }
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.toList()).as("left in HOME").isEmpty();
        }
        assertThat(temp.resolve("unused")).doesNotExist();
    }
}
