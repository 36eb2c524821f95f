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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
        assertThat(r).succeeded().printed("helper 12 1.5\n");
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
        assertThat(r).succeeded().printed("data\nmode=dev\n");
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
        assertThat(r).succeeded().printed("hello world/2\n");

        // Built out of the cache, the executable carries them in its own command line.
        Path exe = sandbox.dir().resolve("opts");
        assertThat(jiffy.run("build", "-o", exe.toString(), "Opts.java")).succeeded();
        Result alone = jiffy.exec(List.of(exe.toString()), new byte[0]);
        assertThat(alone).printed("hello world/2\n");
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
        // Without -parameters the name would be arg0.
        assertThat(r).succeeded().printed("whom\n").stderrContains("Javac.java:4: warning: [rawtypes]");

        Result again = jiffy.run("run", "-x", "Javac.java");
        assertThat(again).isHit().stderrContains("Javac.java:4: warning: [rawtypes]");
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
        assertThat(r).succeeded().printed("second 2\n");
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
        assertThat(r).succeeded().printed("1.0\n");

        // Once the script is old enough for a run file, that file must not keep the old value.
        Thread.sleep(2_200);
        Result cached = withEnv.with("JIFFY_TEST_VERSION", "1.0").run("run", "Env.java");
        assertThat(cached).printed("1.0\n");
        Result other = withEnv.with("JIFFY_TEST_VERSION", "1.5").run("run", "Env.java");
        assertThat(other).succeeded().printed("1.5\n");

        Result unset = jiffy.with("JIFFY_TEST_VERSION", "1.0").run("run", "Env.java");
        assertThat(unset).exitedWith(1).stderrLines()
                .containsExactly("jiffy: Env.java:1: //DEPS: ${env.JIFFY_TEST_GROUP} is not set");
    }

    @Test
    void javaDirectiveThatNoJdkSatisfiesIsOneLine() throws Exception {
        write(work.resolve("Future.java"), """
                //JAVA 99
                public class Future { public static void main(String[] args) {} }
                """);
        Result r = jiffy.with("JIFFY_JDKS", sandbox.dir().toString()).run("run", "Future.java");
        assertThat(r).exitedWith(1).stderrLines().singleElement().asString()
                .startsWith("jiffy: Future.java:1: //JAVA 99 is not satisfied by Java ")
                .contains(sandbox.dir().toString(), "JIFFY_JDKS");
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
        assertThat(r).succeeded().printed(feature + " arg\n");
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
