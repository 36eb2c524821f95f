package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @TempDir
    Path temp;
    Path work;
    Jiffy jiffy;

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
        work = Files.createDirectory(temp.toRealPath().resolve("work"));
        jiffy = Jiffy.withCache(temp.toRealPath().resolve("cache"), work);
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

    private static boolean linked(Result r) {
        return r.errLines().stream().anyMatch(l -> l.startsWith("link "));
    }

    private static boolean resolved(Result r) {
        return r.errLines().stream().anyMatch(l -> l.startsWith("resolve "));
    }

    private Result run() throws Exception {
        Result r = jiffy.run("run", "-x", "App.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void eachInputADirectiveBringsInRebuildsWhatDependsOnIt() throws Exception {
        Result first = run();
        assertThat(first.out()).isEqualTo("helper res-a 1.0\n");
        assertThat(first.compiled()).isTrue();

        write(work.resolve("Helper.java"), "class Helper { static String name() { return \"HELPER\"; } }\n");
        Result sourced = run();
        assertThat(sourced.out()).isEqualTo("HELPER res-a 1.0\n");
        assertThat(sourced.compiled()).as(sourced.toString()).isTrue();
        assertThat(resolved(sourced)).as(sourced.toString()).isFalse();

        // A resource is not compiled: only the link runs again.
        write(work.resolve("res.txt"), "res-b");
        Result resource = run();
        assertThat(resource.out()).isEqualTo("HELPER res-b 1.0\n");
        assertThat(resource.compiled()).as(resource.toString()).isFalse();
        assertThat(linked(resource)).as(resource.toString()).isTrue();

        writeScript("1.5");
        Result dependency = run();
        assertThat(dependency.out()).isEqualTo("HELPER res-b 1.5\n");
        assertThat(resolved(dependency)).as(dependency.toString()).isTrue();
        assertThat(linked(dependency)).as(dependency.toString()).isTrue();

        // Back to the first version: every action of that build is still cached.
        writeScript("1.0");
        Result back = run();
        assertThat(back.out()).isEqualTo("HELPER res-b 1.0\n");
        assertThat(back.hit()).as(back.toString()).isTrue();
    }

    @Test
    void nothingElseRebuilds() throws Exception {
        run();
        Result hit = run();
        assertThat(hit.hit()).as(hit.toString()).isTrue();

        // Same content, new times; files beside the script that no directive names; another variable.
        for (Path p : new Path[] {work.resolve("App.java"), work.resolve("Helper.java"), work.resolve("res.txt")}) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(5)));
        }
        write(work.resolve("Unrelated.java"), "class Unrelated { int x; }\n");
        write(work.resolve("notes.txt"), "other notes\n");
        Result after = jiffy.with("SOME_UNRELATED_SETTING", "1").run("run", "-x", "App.java");
        assertThat(after.exit()).as(after.toString()).isZero();
        assertThat(after.hit()).as(after.toString()).isTrue();
        assertThat(after.errLines()).as(after.toString())
                .noneMatch(l -> l.startsWith("javac ") || l.startsWith("link ") || l.startsWith("resolve "));
    }

    @Test
    void runFileNoticesAChangedResourceOrSourcedFile() throws Exception {
        for (Path p : new Path[] {work.resolve("App.java"), work.resolve("Helper.java"), work.resolve("res.txt")}) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
        }
        // Wait until every input's ctime is out of the racy window, so that this run leaves a run file.
        Thread.sleep(2_200);
        assertThat(jiffy.run("run", "App.java").out()).isEqualTo("helper res-a 1.0\n");
        Path runFile = Path.of(temp.toRealPath().resolve("cache") + "/run" + work.resolve("App.java") + ".run");
        assertThat(runFile).exists();

        // Same size, so only the stat of the resource tells.
        write(work.resolve("res.txt"), "res-c");
        Result resource = jiffy.run("run", "App.java");
        assertThat(resource.out()).as(resource.toString()).isEqualTo("helper res-c 1.0\n");

        write(work.resolve("Helper.java"), "class Helper { static String name() { return \"HELPED\"; } }\n");
        Result sourced = jiffy.run("run", "App.java");
        assertThat(sourced.out()).as(sourced.toString()).isEqualTo("HELPED res-c 1.0\n");
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
        assertThat(jiffy.run("run", "Glob.java").out()).isEqualTo("no three 1\n");
        assertThat(Path.of(temp.toRealPath().resolve("cache") + "/run" + work.resolve("Glob.java") + ".run")).exists();

        write(work.resolve("lib/Three.java"), "class Three {}\n");
        Result added = jiffy.run("run", "Glob.java");
        assertThat(added.out()).as(added.toString()).isEqualTo("three 1\n");
    }
}
