package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.Sha256;
import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a build prints besides the program's output: javac's warnings, again on a hit (Go prints
 * cached compiler output again), the lines behind each action ID under JIFFY_DEBUG_HASH=1, and
 * the steps under -n, which runs nothing.
 */
class BuildMessagesIT {
    /**
     * A raw type (an unchecked note) and a method deprecated for removal (a warning) on Java 17
     * and 25 alike; {@code new Integer} is only deprecated on 25.
     */
    private static final String WARNED = """
            import java.util.ArrayList;
            import java.util.List;

            public class Warned {
                public static void main(String[] args) {
                    List raw = new ArrayList();
                    raw.add("x");
                    Object manager = System.getSecurityManager();
                    System.out.println(raw + " " + manager);
                }
            }
            """;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @Test
    void warningsOfTheFirstBuildArePrintedAgainOnAHit() throws Exception {
        write(work.resolve("Warned.java"), WARNED);
        Result first = jiffy.run("build", "Warned.java");
        assertThat(first).succeeded().stderrLines()
                .anyMatch(l -> l.startsWith("Warned.java:8: warning: [removal]"))
                .contains("Note: Warned.java uses unchecked or unsafe operations.");

        Result hit = jiffy.run("build", "-x", "Warned.java");
        assertThat(hit).isHit().stderrContains(first.err());

        Result again = jiffy.run("build", "Warned.java");
        assertThat(again).stderr().isEqualTo(first.err());

        Result run = jiffy.run("run", "-x", "Warned.java");
        assertThat(run).printed("[x] null\n").isHit().stderrContains(first.err());

        // From another directory the cached warnings name the file as javac would from there.
        Result fromParent = jiffy.in(sandbox.dir()).run("build", "-x", "work/Warned.java");
        assertThat(fromParent).isHit().stderrContains(first.err().replace("Warned.java", "work/Warned.java"));
    }

    @Test
    void debugHashPrintsTheLinesBehindEachActionId() throws Exception {
        String text = "public class Hashed { public static void main(String[] a) { System.out.println(1); } }\n";
        write(work.resolve("Hashed.java"), text);
        Jiffy hashing = jiffy.with("JIFFY_DEBUG_HASH", "1");

        Result first = hashing.run("run", "Hashed.java");
        assertThat(first).succeeded().printed("1\n");
        List<String> compile = linesStarting(first, "HASH[compile]: ");
        assertThat(first).stderrLinesStartingWith("HASH[compile]: ")
                .contains("HASH[compile]: source Hashed.java " + Sha256.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .anyMatch(l -> l.startsWith("HASH[compile]: jdk "));
        assertThat(first).stderrLinesStartingWith("HASH[link]: ")
                .contains("HASH[link]: main Hashed", "HASH[link]: name Hashed")
                .anyMatch(l -> l.matches("HASH\\[link]: compile [0-9a-f]{64}"));

        // The same inputs, the same lines: on a hit they explain the same IDs.
        Result hit = hashing.run("build", "Hashed.java");
        assertThat(hit).stderrLinesStartingWith("HASH[").isEqualTo(linesStarting(first, "HASH["));

        // A changed source changes exactly its own compile line.
        String changed = text.replace("println(1)", "println(2)");
        write(work.resolve("Hashed.java"), changed);
        Result edited = hashing.run("build", "Hashed.java");
        List<String> editedCompile = linesStarting(edited, "HASH[compile]: ");
        assertThat(editedCompile).hasSameSizeAs(compile);
        assertThat(editedCompile.stream().filter(l -> !compile.contains(l)).toList())
                .containsExactly("HASH[compile]: source Hashed.java "
                        + Sha256.of(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        Result quiet = jiffy.run("build", "Hashed.java");
        assertThat(quiet).stderr().doesNotContain("HASH[");
    }

    @Test
    void dryRunPrintsTheStepsAndRunsNothing() throws Exception {
        write(work.resolve("Dry.java"), """
                public class Dry { public static void main(String[] a) { System.out.println("ran"); } }
                """);
        Result dry = jiffy.run("run", "-n", "Dry.java");
        assertThat(dry).succeeded().printed("").stderrLines().contains("javac 1 file of Dry.java");

        // Nothing was built: the next run compiles.
        Result real = jiffy.run("run", "-x", "Dry.java");
        assertThat(real).printed("ran\n").compiled();
    }

    private static List<String> linesStarting(Result r, String prefix) {
        return r.errLines().stream().filter(l -> l.startsWith(prefix)).toList();
    }
}
