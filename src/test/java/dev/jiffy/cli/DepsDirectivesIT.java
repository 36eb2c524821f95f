package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBang's directives other than the dependencies themselves: //SOURCES (files, globs, and the
 * directives of sourced files), //FILES, //JAVA_OPTIONS, //JAVAC_OPTIONS, //MAIN, and
 * {@code ${env.NAME}}. A JBang script must run unchanged.
 */
class DepsDirectivesIT {
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
    }

    @Test
    void sourcesBringInFilesAndGlobsWhoseOwnDirectivesCount() throws Exception {
        write(work.resolve("App.java"), """
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //SOURCES helper/Helper.java,lib/*.java // as JBang writes lists
                %s
                public class App {
                    public static void main(String[] args) {
                        System.out.println(helper.Helper.name() + " " + One.n() + Two.n() + " " + Deep.version());
                    }
                }
                """.formatted(repo.reposLine()));
        write(work.resolve("helper/Helper.java"), """
                package helper;
                //SOURCES ../deep/Deep.java
                public class Helper { public static String name() { return "helper"; } }
                """);
        write(work.resolve("lib/One.java"), "class One { static int n() { return 1; } }\n");
        write(work.resolve("lib/Two.java"), "class Two { static int n() { return 2; } }\n");
        write(work.resolve("lib/notes.txt"), "not a source\n");
        // Two levels down: a sourced file's //SOURCES, and its //DEPS, are the program's.
        write(work.resolve("deep/Deep.java"), """
                //DEPS %s // <.>
                class Deep { static String version() { return %s.v.V.version(); } }
                """.formatted(repo.gav("v", "1.5"), repo.group));

        Result r = jiffy.run("run", "App.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("helper 12 1.5\n");
    }

    @Test
    void filesAreResourcesOfTheProgram() throws Exception {
        write(work.resolve("Res.java"), """
                //FILES data.txt
                //FILES conf/app.properties=settings/dev.properties
                import java.io.*;
                public class Res {
                    public static void main(String[] args) throws IOException {
                        for (String name : new String[] {"/data.txt", "/conf/app.properties"}) {
                            try (InputStream in = Res.class.getResourceAsStream(name)) {
                                System.out.print(new String(in.readAllBytes()));
                            }
                        }
                    }
                }
                """);
        write(work.resolve("data.txt"), "data\n");
        write(work.resolve("settings/dev.properties"), "mode=dev\n");

        Result r = jiffy.run("run", "Res.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("data\nmode=dev\n");
    }

    @Test
    void javaOptionsReachTheProgramsJvm() throws Exception {
        write(work.resolve("Opts.java"), """
                //JAVA_OPTIONS -Dgreeting="hello world" -Xss2m
                //JAVA_OPTIONS -Dsecond=2
                public class Opts {
                    public static void main(String[] args) {
                        System.out.println(System.getProperty("greeting") + "/" + System.getProperty("second"));
                    }
                }
                """);
        Result r = jiffy.run("run", "Opts.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("hello world/2\n");

        // Built out of the cache, the executable carries them in its own command line.
        Path exe = temp.resolve("opts");
        assertThat(jiffy.run("build", "-o", exe.toString(), "Opts.java").exit()).isZero();
        Result alone = jiffy.exec(List.of(exe.toString()), new byte[0]);
        assertThat(alone.out()).as(alone.toString()).isEqualTo("hello world/2\n");
    }

    @Test
    void javacOptionsReachTheCompiler() throws Exception {
        write(work.resolve("Javac.java"), """
                //JAVAC_OPTIONS -parameters -Xlint:rawtypes
                import java.util.*;
                public class Javac {
                    static List raw = new ArrayList();
                    public static void greet(String whom) {}
                    public static void main(String[] args) throws Exception {
                        System.out.println(Javac.class.getMethod("greet", String.class).getParameters()[0].getName());
                    }
                }
                """);
        Result r = jiffy.run("run", "-x", "Javac.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        // Without -parameters the name would be arg0.
        assertThat(r.out()).isEqualTo("whom\n");
        assertThat(r.err()).as(r.toString()).contains("Javac.java:4: warning: [rawtypes]");

        Result again = jiffy.run("run", "-x", "Javac.java");
        assertThat(again.hit()).as(again.toString()).isTrue();
        assertThat(again.err()).as(again.toString()).contains("Javac.java:4: warning: [rawtypes]");
    }

    @Test
    void mainDirectiveChoosesAmongSeveralMains() throws Exception {
        write(work.resolve("Two.java"), """
                //MAIN Second
                public class Two {
                    public static void main(String[] args) { System.out.println("first"); }
                }
                class Second {
                    public static void main(String[] args) { System.out.println("second " + args.length); }
                }
                """);
        Result r = jiffy.run("run", "Two.java", "a", "b");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("second 2\n");
    }

    @Test
    void envVariableInACoordinateChoosesTheDependency() throws Exception {
        Path script = write(work.resolve("Env.java"), """
                //DEPS ${env.JIFFY_TEST_GROUP}:v:${env.JIFFY_TEST_VERSION}
                %s
                public class Env { public static void main(String[] args) { System.out.println(%s.v.V.version()); } }
                """.formatted(repo.reposLine(), repo.group));
        Files.setLastModifiedTime(script, FileTime.from(Instant.now().minusSeconds(60)));
        Jiffy withEnv = jiffy.with("JIFFY_TEST_GROUP", repo.group);

        Result r = withEnv.with("JIFFY_TEST_VERSION", "1.0").run("run", "Env.java");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("1.0\n");

        // Once the script is old enough for a run file, that file must not keep the old value.
        Thread.sleep(2_200);
        Result cached = withEnv.with("JIFFY_TEST_VERSION", "1.0").run("run", "Env.java");
        assertThat(cached.out()).as(cached.toString()).isEqualTo("1.0\n");
        Result other = withEnv.with("JIFFY_TEST_VERSION", "1.5").run("run", "Env.java");
        assertThat(other.exit()).as(other.toString()).isZero();
        assertThat(other.out()).as(other.toString()).isEqualTo("1.5\n");

        Result unset = jiffy.with("JIFFY_TEST_VERSION", "1.0").run("run", "Env.java");
        assertThat(unset.exit()).as(unset.toString()).isEqualTo(1);
        assertThat(unset.errLines()).as(unset.toString())
                .containsExactly("jiffy: Env.java:1: //DEPS: ${env.JIFFY_TEST_GROUP} is not set");
    }

    @Test
    void javaDirectiveThatNoJdkSatisfiesIsOneLine() throws Exception {
        write(work.resolve("Future.java"), """
                //JAVA 99
                public class Future { public static void main(String[] args) {} }
                """);
        Result r = jiffy.with("JIFFY_JDKS", temp.toString()).run("run", "Future.java");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("jiffy: Future.java:1: //JAVA 99 is not satisfied by Java ")
                .contains(temp.toString(), "JIFFY_JDKS");
    }

    @Test
    void javaDirectiveRunsOnAnotherJdk() throws Exception {
        int current = Runtime.version().feature();
        Path other = null;
        int feature = 0;
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.sorted().toList()) {
                int f = releaseFeature(home);
                if (f >= 17 && f != current && Files.isExecutable(home.resolve("bin/javac"))) {
                    other = home;
                    feature = f;
                }
            }
        } catch (java.io.IOException e) {
            // No JDK directory: nothing to switch to.
        }
        Assumptions.assumeTrue(other != null, "a second JDK 17 or newer in /usr/lib/jvm");

        write(work.resolve("Pinned.java"), """
                //JAVA %d
                public class Pinned {
                    public static void main(String[] args) { System.out.println(Runtime.version().feature() + " " + args[0]); }
                }
                """.formatted(feature));
        Result r = jiffy.with("JIFFY_JDKS", other.toString()).run("run", "Pinned.java", "arg");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(feature + " arg\n");
    }

    private static int releaseFeature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    String v = line.substring("JAVA_VERSION=\"".length());
                    return Integer.parseInt(v.split("[.\"]")[0]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
