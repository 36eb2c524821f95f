package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.MavenRepo;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a directive brings in is part of the action ID: a change to a sourced file, a
 * //FILES resource or a dependency version rebuilds, on the JVM path and on the run-file fast
 * path alike, and nothing else does.
 */
class DepsRebuildIT {
    @TempDir
    static Path shared;
    static MavenRepo repo;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @BeforeAll
    static void deploy() throws Exception {
        repo = MavenRepo.create(shared.toRealPath());
        repo.deployVersioned("1.0", "1.5");
    }

    @AfterAll
    static void removeLocalCopy() throws Exception {
        repo.deleteLocalCopy();
    }

    @BeforeEach
    void setUp() throws Exception {
        writeScript("1.0");
        write(work.resolve("Helper.java"), "class Helper { static String name() { return \"helper\"; } }\n");
        write(work.resolve("res.txt"), "res-a");
        write(work.resolve("Unrelated.java"), "class Unrelated {}\n");
        write(work.resolve("notes.txt"), "notes\n");
    }

    private Path writeScript(String version) throws Exception {
        return write(work.resolve("App.java"), """
                //SOURCES Helper.java
                //FILES res.txt
                //DEPS %s
                %s
                public class App {
                    public static void main(String[] args) throws Exception {
                        String res = new String(App.class.getResourceAsStream("/res.txt").readAllBytes());
                        System.out.println(Helper.name() + " " + res + " " + %s.v.V.version());
                    }
                }
                """.formatted(repo.gav("v", version), repo.reposLine(), repo.group));
    }

    private Result run() throws Exception {
        Result r = jiffy.run("run", "-x", "App.java");
        assertThat(r).succeeded();
        return r;
    }

    @Test
    void eachInputADirectiveBringsInRebuildsWhatDependsOnIt() throws Exception {
        Result first = run();
        assertThat(first).printed("helper res-a 1.0\n").compiled();

        write(work.resolve("Helper.java"), "class Helper { static String name() { return \"HELPER\"; } }\n");
        Result sourced = run();
        assertThat(sourced).printed("HELPER res-a 1.0\n").compiled().stderrLinesStartingWith("resolve ").isEmpty();

        // A resource is not compiled: only the link runs again.
        write(work.resolve("res.txt"), "res-b");
        Result resource = run();
        assertThat(resource).printed("HELPER res-b 1.0\n").didNotCompile().stderrLinesStartingWith("link ").isNotEmpty();

        writeScript("1.5");
        Result dependency = run();
        assertThat(dependency).printed("HELPER res-b 1.5\n").stderrLinesStartingWith("resolve ").isNotEmpty();
        assertThat(dependency).stderrLinesStartingWith("link ").isNotEmpty();

        // Back to the first version: every action of that build is still cached.
        writeScript("1.0");
        Result back = run();
        assertThat(back).printed("HELPER res-b 1.0\n").isHit();
    }

    @Test
    void nothingElseRebuilds() throws Exception {
        run();
        Result hit = run();
        assertThat(hit).isHit();

        // Same content, new times; files beside the script that no directive names; another variable.
        for (Path p : new Path[] {work.resolve("App.java"), work.resolve("Helper.java"), work.resolve("res.txt")}) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(5)));
        }
        write(work.resolve("Unrelated.java"), "class Unrelated { int x; }\n");
        write(work.resolve("notes.txt"), "other notes\n");
        Result after = jiffy.with("SOME_UNRELATED_SETTING", "1").run("run", "-x", "App.java");
        assertThat(after).succeeded().isHit().stderrLines()
                .noneMatch(l -> l.startsWith("javac ") || l.startsWith("link ") || l.startsWith("resolve "));
    }

    @Test
    void runFileNoticesAChangedResourceOrSourcedFile() throws Exception {
        for (Path p : new Path[] {work.resolve("App.java"), work.resolve("Helper.java"), work.resolve("res.txt")}) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
        }
        // Wait until every input's ctime is out of the racy window, so that this run leaves a run file.
        Thread.sleep(2_200);
        assertThat(jiffy.run("run", "App.java")).printed("helper res-a 1.0\n");
        Path runFile = Path.of(sandbox.cache() + "/run" + work.resolve("App.java") + ".run");
        assertThat(runFile).exists();

        // Same size, so only the stat of the resource tells.
        write(work.resolve("res.txt"), "res-c");
        Result resource = jiffy.run("run", "App.java");
        assertThat(resource).printed("helper res-c 1.0\n");

        write(work.resolve("Helper.java"), "class Helper { static String name() { return \"HELPED\"; } }\n");
        Result sourced = jiffy.run("run", "App.java");
        assertThat(sourced).printed("HELPED res-c 1.0\n");
    }

    @Test
    void runFileNoticesAFileAddedWhereASourcesGlobLooks() throws Exception {
        Path script = write(work.resolve("Glob.java"), """
                //SOURCES lib/*.java
                public class Glob {
                    public static void main(String[] args) {
                        try {
                            Class.forName("Three");
                            System.out.println("three " + One.n());
                        } catch (ClassNotFoundException e) {
                            System.out.println("no three " + One.n());
                        }
                    }
                }
                """);
        Path one = write(work.resolve("lib/One.java"), "class One { static int n() { return 1; } }\n");
        for (Path p : new Path[] {script, one, one.getParent()}) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
        }
        Thread.sleep(2_200);
        assertThat(jiffy.run("run", "Glob.java")).printed("no three 1\n");
        assertThat(Path.of(sandbox.cache() + "/run" + work.resolve("Glob.java") + ".run")).exists();

        write(work.resolve("lib/Three.java"), "class Three {}\n");
        Result added = jiffy.run("run", "Glob.java");
        assertThat(added).printed("three 1\n");
    }
}
