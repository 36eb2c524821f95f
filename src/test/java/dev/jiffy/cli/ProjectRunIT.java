package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.MavenRepo;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import dev.jiffy.run.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jiffy run .} in a Maven project, as {@code mvn compile exec:java} runs it: the parent's
 * dependencyManagement and repositories, src/main/java and its resources, never src/test; and a
 * change to a pom that counts (the parent's) reaches the next run, also through the run file.
 */
class ProjectRunIT {
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
        repo.deployVersioned("1.0", "2.0");
    }

    @AfterAll
    static void forget() throws Exception {
        repo.deleteLocalCopy();
    }

    private void parent(String managedVersion) throws Exception {
        write(work.resolve("parent/pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <repositories><repository><id>fixture</id><url>%s</url></repository></repositories>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>%s</groupId><artifactId>v</artifactId><version>%s</version></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """.formatted(repo.url(), repo.group, managedVersion));
    }

    @Test
    void aProjectRunsWithItsPomsDependenciesAndResourcesAndNotItsTests() throws Exception {
        parent("1.0");
        Path app = work.resolve("app");
        write(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>demo</groupId><artifactId>parent</artifactId><version>1</version>
                    <relativePath>../parent</relativePath></parent>
                  <artifactId>app</artifactId>
                  <dependencies>
                    <dependency><groupId>%s</groupId><artifactId>v</artifactId></dependency>
                    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>
                      <scope>test</scope></dependency>
                  </dependencies>
                </project>
                """.formatted(repo.group));
        write(app.resolve("src/main/java/app/Main.java"), """
                package app;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        String greeting = new String(Main.class.getResourceAsStream("/greeting.txt").readAllBytes()).strip();
                        System.out.println(greeting + " " + %s.v.V.version() + " " + String.join(",", args));
                    }
                }
                """.formatted(repo.group));
        write(app.resolve("src/main/resources/greeting.txt"), "hello\n");
        write(app.resolve("src/test/java/app/MainTest.java"), "package app; class MainTest { does not compile }\n");
        Jiffy inApp = jiffy.in(app);

        Result first = inApp.run("run", "-x", ".", "a");
        assertThat(first).printed("hello 1.0 a\n").compiled().stderrContains("javac 1 file of src/main/java");

        // Once its inputs are two seconds old, a run leaves a run file that pins the poms too.
        Thread.sleep(2_100);
        assertThat(inApp.run("run", ".", "b")).printed("hello 1.0 b\n");
        assertThat(RunFiles.location(sandbox.cache(), app.toString())).exists()
                .content().contains(work.resolve("parent/pom.xml").toString());
        assertThat(inApp.run("run", "-x", ".")).isHit().printed("hello 1.0 \n");

        parent("2.0");
        assertThat(inApp.run("run", ".", "c")).printed("hello 2.0 c\n");
        assertThat(jiffy.run("run", "app", "d")).printed("hello 2.0 d\n");
    }

    @Test
    void aPomThatCannotBeReadIsOneLineNamingItsLine() throws Exception {
        Path app = work.resolve("broken");
        write(app.resolve("pom.xml"), "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>x</artifactId\n</project>\n");
        write(app.resolve("src/main/java/Main.java"), "public class Main { public static void main(String[] a) {} }\n");

        Result r = jiffy.in(app).run("run", ".");

        assertThat(r).exitedWith(1).printed("").hasNoStackTrace().stderrLines().singleElement().asString()
                .startsWith("jiffy: " + app.resolve("pom.xml") + ":4:").contains("Non-parseable POM");
    }

    @Test
    void aPomPackagedAsPomHasNoProgram() throws Exception {
        parent("1.0");

        Result r = jiffy.in(work.resolve("parent")).run("run", ".");

        assertThat(r).exitedWith(1).printed("").stderrLines()
                .containsExactly("jiffy: pom.xml: packaging pom has no program of its own; run one of its modules");
    }
}
