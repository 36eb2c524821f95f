package dev.jiffy.cli;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code -n} prints the steps and runs nothing, whether the program is cached or not (go build -n). */
class DryRunIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @BeforeEach
    void setUp() throws Exception {
        Path hello = Jiffy.write(work.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"ran\"); } }\n");
        // Old enough for the racy rule, so that a run file would be written if anything wrote one.
        Files.setLastModifiedTime(hello, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void onAMissItPrintsTheStepsAndBuildsNothing() throws Exception {
        Result r = jiffy.run("run", "-n", "Hello.java");

        assertThat(r).printed("").stderrLines().contains("javac 1 file of Hello.java");
        assertThat(runFiles()).isEmpty();
    }

    @Test
    void onAHitItPrintsTheProgramsCommandAndRunsNothing() throws Exception {
        assertThat(jiffy.run("build", "Hello.java")).succeeded();
        assertThat(runFiles()).isEmpty();

        Result r = jiffy.run("run", "-n", "Hello.java", "arg");

        assertThat(r).printed("").stderrLines().singleElement().asString()
                .contains("/bin/java").contains("Hello").endsWith(" 'arg'");
        assertThat(runFiles()).as("run files after run -n").isEmpty();

        Result build = jiffy.run("build", "-n", "-o", work.resolve("copy").toString(), "Hello.java");
        assertThat(build).succeeded();
        assertThat(work.resolve("copy")).doesNotExist();
    }

    private List<Path> runFiles() throws Exception {
        Path dir = sandbox.cache().resolve("run");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".run")).toList();
        }
    }
}
