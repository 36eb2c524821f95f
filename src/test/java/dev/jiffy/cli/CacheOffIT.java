package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code JIFFY_CACHE=off}: the program is built into a temporary directory, runs as usual, and
 * nothing is left behind, neither in the temporary directory nor in a default cache.
 */
class CacheOffIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    Path tmp;
    Path home;
    Jiffy jiffy;

    @BeforeEach
    void setUp() throws Exception {
        tmp = Files.createDirectory(sandbox.dir().resolve("tmp"));
        home = Files.createDirectory(sandbox.dir().resolve("home"));
        // Java takes its temporary directory from java.io.tmpdir, not TMPDIR.
        jiffy = sandbox.jiffy()
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
            assertThat(r).printed("off a b 1\n").exitedWith(5).stderr().doesNotContain("jiffy:");
            assertLeftNothing();
        }
    }

    @Test
    void buildOutputRunsAndNothingElseIsLeft() throws Exception {
        Result r = jiffy.run("build", "-o", "off-app", "Off.java");
        assertThat(r).succeeded();
        assertLeftNothing();
        Result ran = jiffy.exec(List.of(work.resolve("off-app").toString(), "x"), new byte[0]);
        assertThat(ran).printed("off x 0\n").exitedWith(5);
    }

    private void assertLeftNothing() throws Exception {
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("left in the temporary directory").isEmpty();
        }
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.toList()).as("left in HOME").isEmpty();
        }
        assertThat(sandbox.cache()).doesNotExist();
    }
}
