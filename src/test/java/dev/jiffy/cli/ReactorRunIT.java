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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven reactor: {@code app} depends on its sibling {@code lib}, which is compiled from source
 * with its own dependency (from a real file repository) coming in transitively; each module is its
 * own compile action, so an edit recompiles the edited module and those that depend on it, no other.
 */
class ReactorRunIT {
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
        repo.deployVersioned("1.0");
    }

    @AfterAll
    static void forget() throws Exception {
        repo.deleteLocalCopy();
    }

    private void reactor(String modules) throws Exception {
        write(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>root</artifactId><version>1.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  <modules>%s</modules>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <repositories><repository><id>fixture</id><url>%s</url></repository></repositories>
                </project>
                """.formatted(repo.group, modules, repo.url()));
    }

    private void module(String name, String dependencies) throws Exception {
        write(work.resolve(name).resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>%s</groupId><artifactId>root</artifactId><version>1.0-SNAPSHOT</version></parent>
                  <artifactId>%s</artifactId>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(repo.group, name, dependencies));
    }

    private static String sibling(String name) {
        return repo.dependency(name, "${project.version}");
    }

    private void twoModules() throws Exception {
        reactor("<module>lib</module><module>app</module>");
        module("lib", repo.dependency("v", "1.0"));
        module("app", sibling("lib"));
        write(work.resolve("lib/src/main/java/lib/Greeter.java"), """
                package lib;

                public class Greeter {
                    public static String greet(String name) throws Exception {
                        String word = new String(Greeter.class.getResourceAsStream("/word.txt").readAllBytes()).strip();
                        return word + ", " + name + " (v " + %s.v.V.version() + ")";
                    }
                }
                """.formatted(repo.group));
        write(work.resolve("lib/src/main/resources/word.txt"), "Hello\n");
        write(work.resolve("app/src/main/java/app/Main.java"), """
                package app;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(lib.Greeter.greet(String.join(" ", args)));
                    }
                }
                """);
    }

    private static List<String> compiled(Result r) {
        return r.errLines().stream().filter(l -> l.startsWith("javac ")).toList();
    }

    @Test
    void aModuleRunsWithItsSiblingFromSourceFromTheRootAndFromItsOwnDirectory() throws Exception {
        twoModules();

        Result first = jiffy.run("run", "-x", "app", "reactor");
        assertThat(first).printed("Hello, reactor (v 1.0)\n");
        assertThat(compiled(first)).containsExactly("javac 1 file of lib/src/main/java", "javac 1 file of app/src/main/java");

        Result inside = jiffy.in(work.resolve("app")).run("run", "-x", ".", "inside");
        assertThat(inside).printed("Hello, inside (v 1.0)\n").isHit();
        assertThat(compiled(inside)).isEmpty();

        // A package directory of a module's sources is that module's program, as in Go.
        assertThat(jiffy.run("run", "app/src/main/java/app", "pkg")).printed("Hello, pkg (v 1.0)\n");

        Path exe = work.resolve("app.bin");
        assertThat(jiffy.run("build", "-o", exe.toString(), "app")).succeeded();
        assertThat(jiffy.exec(List.of(exe.toString(), "built"), new byte[0])).printed("Hello, built (v 1.0)\n");
        assertThat(jiffy.run("version", "-m", exe.toString()).out())
                .contains("\tproject\t" + repo.group + ":app:1.0-SNAPSHOT\n")
                .containsPattern("\tmodule\t" + repo.group.replace(".", "\\.") + ":lib:1\\.0-SNAPSHOT\t[0-9a-f]{64}\n")
                .contains("\tdep\t" + repo.group + ":v:1.0\n");
    }

    @Test
    void anEditRecompilesTheEditedModuleAndThoseThatDependOnItOnly() throws Exception {
        twoModules();
        assertThat(jiffy.run("run", "app", "a")).printed("Hello, a (v 1.0)\n");

        Path main = work.resolve("app/src/main/java/app/Main.java");
        Files.writeString(main, Files.readString(main).replace("greet(", "greet(\"edited \" + "));
        Result leaf = jiffy.run("run", "-x", "app", "b");
        assertThat(leaf).printed("Hello, edited b (v 1.0)\n");
        assertThat(compiled(leaf)).containsExactly("javac 1 file of app/src/main/java");

        Path greeter = work.resolve("lib/src/main/java/lib/Greeter.java");
        Files.writeString(greeter, Files.readString(greeter).replace("\", \" + name", "\"; \" + name"));
        Result inner = jiffy.run("run", "-x", "app", "c");
        assertThat(inner).printed("Hello; edited c (v 1.0)\n");
        assertThat(compiled(inner)).containsExactly("javac 1 file of lib/src/main/java", "javac 1 file of app/src/main/java");

        write(work.resolve("lib/src/main/resources/word.txt"), "Howdy\n");
        Result resource = jiffy.run("run", "-x", "app", "d");
        assertThat(resource).printed("Howdy; edited d (v 1.0)\n");
        assertThat(compiled(resource)).isEmpty();
    }

    @Test
    void aModuleOfTheReactorIsNotTakenFromARepository() throws Exception {
        // A lib of the same coordinates in the repository must not stand in for the sibling's source.
        repo.deploy("lib", "1.0-SNAPSHOT", MavenRepo.jar(repo.compile(java.util.Map.of("lib.Greeter",
                "package lib; public class Greeter { public static String greet(String n) { return \"from the repository\"; } }"),
                List.of()), java.util.Map.of()));
        twoModules();

        assertThat(jiffy.run("run", "app", "x")).printed("Hello, x (v 1.0)\n");
    }

    @Test
    void aModuleWithoutSourcesRunsTheMainClassOfAModuleItDependsOn() throws Exception {
        twoModules();
        reactor("<module>lib</module><module>app</module><module>dist</module>");
        module("dist", sibling("app"));

        assertThat(jiffy.run("run", "dist")).exitedWith(1).stderrLines().containsExactly(
                "jiffy: dist/pom.xml: no sources, and no main class (choose one with -main Class or exec-maven-plugin's mainClass)");
        assertThat(jiffy.run("run", "-main", "app.Main", "dist", "from", "dist")).printed("Hello, from dist (v 1.0)\n");
        assertThat(jiffy.run("run", "-main", "app.Nowhere", "dist")).exitedWith(1).stderrLines().containsExactly(
                "jiffy: -main app.Nowhere: no such class in dist/pom.xml or on its class path");
    }

    @Test
    void aModuleThatIsNotThereIsOneLineNamingThePom() throws Exception {
        twoModules();
        reactor("<module>lib</module>\n    <module>gone</module><module>app</module>");

        Result r = jiffy.run("run", "app");

        assertThat(r).exitedWith(1).printed("").hasNoStackTrace().stderrLines().singleElement().asString()
                .startsWith("jiffy: " + work.resolve("pom.xml") + ":")
                .contains("module gone does not exist");
    }

    @Test
    void modulesThatDependOnEachOtherInACycleAreOneLine() throws Exception {
        twoModules();
        module("lib", sibling("app"));

        Result r = jiffy.run("run", "app");

        assertThat(r).exitedWith(1).printed("").hasNoStackTrace().stderrLines().singleElement().asString()
                .contains("the modules depend on each other in a cycle").contains(repo.group + ":lib").contains(repo.group + ":app");
    }

    @Test
    void theReactorRootIsNotAProgramAndSaysWhichModulesAre() throws Exception {
        twoModules();

        Result r = jiffy.run("run", ".");

        assertThat(r).exitedWith(1).stderrLines().containsExactly(
                "jiffy: pom.xml: packaging pom has no program of its own; run one of its modules (lib, app)");
    }
}
