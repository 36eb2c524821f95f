package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cli.Jiffy.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -n} prints the steps and runs nothing, whether the program is cached or not (go build -n). */
class DryRunIT {
    @TempDir
    Path temp;
    Path work;
    Path cache;
    Jiffy jiffy;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectory(temp.toRealPath().resolve("work"));
        cache = temp.toRealPath().resolve("cache");
        jiffy = Jiffy.withCache(cache, work);
        Path hello = Jiffy.write(work.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"ran\"); } }\n");
        // Old enough for the racy rule, so that a run file would be written if anything wrote one.
        Files.setLastModifiedTime(hello, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void onAMissItPrintsTheStepsAndBuildsNothing() throws Exception {
        Result r = jiffy.run("run", "-n", "Hello.java");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).contains("javac 1 file of Hello.java");
        assertThat(runFiles()).isEmpty();
    }

    @Test
    void onAHitItPrintsTheProgramsCommandAndRunsNothing() throws Exception {
        Result built = jiffy.run("build", "Hello.java");
        assertThat(built.exit()).as(built.toString()).isZero();
        assertThat(runFiles()).isEmpty();

        Result r = jiffy.run("run", "-n", "Hello.java", "arg");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .contains("/bin/java").contains("Hello").endsWith(" 'arg'");
        assertThat(runFiles()).as("run files after run -n").isEmpty();

        Result tool = jiffy.run("build", "-n", "-o", work.resolve("copy").toString(), "Hello.java");
        assertThat(tool.exit()).as(tool.toString()).isZero();
        assertThat(work.resolve("copy")).doesNotExist();
    }

    private java.util.List<Path> runFiles() throws Exception {
        Path dir = cache.resolve("run");
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".run")).toList();
        }
    }
}
