package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import dev.jiffy.remote.ActionResultCodec;
import dev.jiffy.remote.Nginx;
import dev.jiffy.remote.RemoteOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The remote cache on a real nginx with WebDAV, set up as the README says: a CI cache uploads,
 * and an empty cache elsewhere runs the program from the remote without compiling it.
 */
class RemoteCacheIT {
    static final String HELLO = """
            public class Hello {
                public static void main(String[] args) {
                    System.out.println("hello from " + args[0]);
                }
            }
            """;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path root = sandbox.dir();

    /** jiffy with its own cache and work directory holding Hello.java, using the remote at {@code url}. */
    private Jiffy machine(String name, String url) throws Exception {
        Jiffy machine = sandbox.machine(name).with("JIFFY_REMOTE_CACHE", url);
        write(machine.cwd().resolve("Hello.java"), HELLO);
        return machine;
    }

    @Test
    void anEmptyCacheRunsWhatCiUploadedWithoutCompiling() throws Exception {
        try (Nginx nginx = Nginx.start(root.resolve("nginx"))) {
            String url = nginx.url("team/jiffy");
            Result built = machine("ci", url).with("JIFFY_REMOTE_UPLOAD", "1").run("run", "-x", "Hello.java", "ci");
            assertThat(built).succeeded().printed("hello from ci\n").compiled()
                    .stderrLinesStartingWith("remote put: ac/").hasSize(2);

            // Bazel's layout under the prefix: ac/<actionID> holds an ActionResult naming cas/<sha256>.
            Path ac = nginx.data().resolve("team/jiffy/ac");
            Path cas = nginx.data().resolve("team/jiffy/cas");
            assertThat(list(ac)).hasSize(2).allMatch(f -> f.getFileName().toString().matches("[0-9a-f]{64}"));
            assertThat(list(cas)).hasSize(2).allMatch(f -> f.getFileName().toString().matches("[0-9a-f]{64}"));
            byte[] executable = Files.readAllBytes(built.executable());
            String exeHash = dev.jiffy.cache.Sha256.of(executable);
            assertThat(cas.resolve(exeHash)).hasBinaryContent(executable);
            List<RemoteOutput> link = list(ac).stream().map(RemoteCacheIT::decode).filter(o -> o.executable()).toList();
            assertThat(link).singleElement().satisfies(o -> {
                assertThat(o.path()).isEqualTo("Hello");
                assertThat(o.digest().sha256()).isEqualTo(exeHash);
                assertThat(o.digest().size()).isEqualTo(executable.length);
            });

            Jiffy dev = machine("dev", url);
            Result hit = dev.run("run", "-x", "Hello.java", "dev");
            assertThat(hit).succeeded().printed("hello from dev\n").didNotCompile().isHit().stderrLines()
                    .noneMatch(l -> l.startsWith("javac") || l.startsWith("link "))
                    .noneMatch(l -> l.startsWith("jiffy: warning"));
            assertThat(hit).stderrLinesStartingWith("remote hit: ac/").hasSize(2);
            assertThat(hit.executable()).startsWith(root.resolve("dev/cache"));
            assertThat(hit.executable().getFileName()).isEqualTo(built.executable().getFileName());
            assertThat(Files.readAllBytes(hit.executable())).isEqualTo(executable);
            assertThat(Files.getPosixFilePermissions(hit.executable())).contains(PosixFilePermission.OWNER_EXECUTE);

            Result stat = dev.run("cache", "stat");
            assertThat(stat).stdout().containsPattern("(?m)^remote hits: +2$")
                    .containsPattern("(?m)^remote bytes in: +" + (executable.length + Files.size(list(cas).stream()
                            .filter(f -> !f.getFileName().toString().equals(exeHash)).findFirst().orElseThrow())) + " ");
            // Read-only by default: the second machine uploaded nothing.
            assertThat(nginx.accessLog().lines().filter(l -> l.contains("\"PUT ")).count()).isEqualTo(4);

            // From now on the entries are local.
            Result again = dev.run("run", "-x", "Hello.java", "again");
            assertThat(again).printed("hello from again\n").stderrLinesStartingWith("local hit: ac/").hasSize(2);
            assertThat(again).stderrLines().noneMatch(l -> l.startsWith("remote") && !l.startsWith("remote cache: "));
        }
    }

    @Test
    void onJava25TheRemoteTierPrintsNoWarningOfItsOwn() throws Exception {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 at " + jdk25);
        try (Nginx nginx = Nginx.start(root.resolve("nginx"))) {
            String url = nginx.url("jiffy");
            Result built = machine("ci", url).with("JAVA_HOME", jdk25.toString()).with("JIFFY_REMOTE_UPLOAD", "1")
                    .run("build", "Hello.java");
            Result hit = machine("dev", url).with("JAVA_HOME", jdk25.toString()).run("run", "-x", "Hello.java", "dev");

            assertThat(built).succeeded().stderr().isEmpty();
            assertThat(hit).printed("hello from dev\n").stderrLinesStartingWith("remote hit: ac/").hasSize(2);
            // protobuf uses sun.misc.Unsafe, which Java 24 and later warn about unless told otherwise.
            assertThat(hit).stderrLines().noneMatch(l -> l.startsWith("WARNING"));
        }
    }

    @Test
    void withoutUploadNothingIsUploaded() throws Exception {
        try (Nginx nginx = Nginx.start(root.resolve("nginx"))) {
            Result built = machine("dev", nginx.url("jiffy")).run("run", "-x", "Hello.java", "dev");
            assertThat(built).printed("hello from dev\n").stderrLinesStartingWith("remote miss: ac/").hasSize(2);
            assertThat(built).stderrLines().noneMatch(l -> l.startsWith("remote put") || l.startsWith("jiffy: warning"));
            assertThat(nginx.data().resolve("jiffy")).doesNotExist();
            assertThat(nginx.accessLog()).doesNotContain("\"PUT ").contains("\"GET /jiffy/ac/");
        }
    }

    /** A reactor of two modules, app depending on lib, in {@code dir}. */
    private static void reactor(Path dir) throws Exception {
        write(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>
                  <modules><module>lib</module><module>app</module></modules>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                </project>
                """);
        for (String module : List.of("lib", "app")) {
            write(dir.resolve(module).resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                      <parent><groupId>demo</groupId><artifactId>root</artifactId><version>1</version></parent>
                      <artifactId>%s</artifactId>
                      <dependencies>%s</dependencies>
                    </project>
                    """.formatted(module, module.equals("app")
                    ? "<dependency><groupId>demo</groupId><artifactId>lib</artifactId><version>1</version></dependency>" : ""));
        }
        write(dir.resolve("lib/src/main/java/lib/Lib.java"), "package lib; public class Lib { public static String word() { return \"shared\"; } }\n");
        write(dir.resolve("app/src/main/java/app/Main.java"), """
                package app;

                public class Main {
                    public static void main(String[] args) {
                        System.out.println(lib.Lib.word() + " " + args[0]);
                    }
                }
                """);
    }

    @Test
    void eachModuleCompileOfAReactorIsSharedThroughTheRemote() throws Exception {
        try (Nginx nginx = Nginx.start(root.resolve("nginx"))) {
            String url = nginx.url("jiffy");
            Jiffy ci = sandbox.machine("ci").with("JIFFY_REMOTE_UPLOAD", "1").with("JIFFY_REMOTE_CACHE", url);
            reactor(ci.cwd());
            assertThat(ci.run("run", "-x", "app", "ci")).printed("shared ci\n").compiled();

            Jiffy dev = sandbox.machine("dev").with("JIFFY_REMOTE_CACHE", url);
            reactor(dev.cwd());
            assertThat(dev.run("run", "-x", "app", "dev")).printed("shared dev\n").didNotCompile();

            // After an edit of app, lib's classes come from the remote, and only app compiles.
            Path main = dev.cwd().resolve("app/src/main/java/app/Main.java");
            Files.writeString(main, Files.readString(main).replace("\" \"", "\" (edited) \""));
            Result edited = dev.with("JIFFY_CACHE", dev.cwd().resolve("fresh-cache").toString()).run("run", "-x", "app", "dev");
            assertThat(edited).printed("shared (edited) dev\n").stderrLinesStartingWith("javac ")
                    .containsExactly("javac 1 file of app/src/main/java");
        }
    }

    @Test
    void testResultsGoThroughTheRemoteOnlyWhenASettingSaysSo() throws Exception {
        Path module = sandbox.work().resolve("calc");
        Jiffy.write(module.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>calc</artifactId><version>1</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                    <version>5.14.1</version><scope>test</scope></dependency></dependencies>
                </project>
                """);
        Jiffy.write(module.resolve("src/test/java/calc/CalcTest.java"), "package calc; class CalcTest {"
                + " @org.junit.jupiter.api.Test void adds() { org.junit.jupiter.api.Assertions.assertEquals(4, 2 + 2); } }\n");
        Thread.sleep(2_100); // a result read from files changed in the last 2 s is not kept
        try (Nginx nginx = Nginx.start(root.resolve("nginx"))) {
            String url = nginx.url("jiffy");
            // Two runners that check the project out to the same path, each with a cache of its own.
            Jiffy ci = sandbox.machine("ci").in(module).with("JIFFY_REMOTE_CACHE", url).with("JIFFY_REMOTE_UPLOAD", "1");
            Jiffy dev = sandbox.machine("dev").in(module).with("JIFFY_REMOTE_CACHE", url);
            assertThat(ci.run("test")).succeeded().stdout().doesNotContain("(cached)");
            assertThat(dev.run("test", "-count=1")).succeeded().stdout().doesNotContain("(cached)");
            assertThat(sandbox.machine("other").in(module).with("JIFFY_REMOTE_CACHE", url).run("test"))
                    .as("the result stayed on the machine that ran the tests").succeeded().stdout().doesNotContain("(cached)");

            assertThat(ci.with("JIFFY_REMOTE_TESTS", "1").run("test", "-count=1")).succeeded();
            assertThat(sandbox.machine("third").in(module).with("JIFFY_REMOTE_CACHE", url).with("JIFFY_REMOTE_TESTS", "1")
                    .run("test")).succeeded().printed("ok  \tdemo:calc\t(cached)\n");
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static RemoteOutput decode(Path acFile) {
        try {
            return ActionResultCodec.decode(Files.readAllBytes(acFile)).get(0);
        } catch (Exception e) {
            throw new AssertionError(acFile + " is not an action result", e);
        }
    }
}
