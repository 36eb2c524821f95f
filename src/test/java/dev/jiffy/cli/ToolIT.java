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
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jiffy tool}: an artifact's Main-Class with its dependencies, from a file repository that
 * the user's settings.xml names (a profile's repository), as a team's private repository would
 * be. Each test has its own user home, set through JAVA_TOOL_OPTIONS (the JVM takes user.home
 * from the password database, not from HOME), and with it its own local repository.
 */
class ToolIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Path cache = sandbox.cache();
    final Jiffy jiffy = sandbox.jiffy();

    /** jiffy with a user home whose settings.xml adds {@code repo} to every resolution. */
    private Jiffy withSettingsFor(MavenRepo repo) throws Exception {
        Path home = Files.createDirectories(sandbox.dir().resolve("home"));
        write(home.resolve(".m2/settings.xml"), """
                <settings>
                  <profiles>
                    <profile>
                      <id>team</id>
                      <repositories>
                        <repository><id>team</id><url>%s</url></repository>
                      </repositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>team</activeProfile></activeProfiles>
                </settings>
                """.formatted(repo.url()));
        return jiffy.with("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
    }

    /** The lines of stderr without the one every JVM prints for JAVA_TOOL_OPTIONS. */
    private static ListAssert<String> assertThatStderrLines(Result r) {
        return assertThat(r).stderrLines().filteredOn(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS"));
    }

    /**
     * Deploys {@code dep:1.0} and {@code app} in each of {@code versions}: a Main-Class that prints
     * its version, what dep says, its arguments, the system property "who" and whether java.lang
     * is open to it (its manifest's Add-Opens asks for that), and exits with the status that an
     * argument {@code exit=N} names.
     */
    private static MavenRepo deployApp(Path dir, String... versions) throws Exception {
        MavenRepo repo = MavenRepo.create(dir);
        String g = repo.group;
        Path dep = repo.deploy("dep", "1.0", MavenRepo.jar(repo.compile(Map.of(g + ".dep.Dep",
                "package " + g + ".dep; public class Dep { public static String text() { return \"dep\"; } }"), List.of()), Map.of()));
        for (String v : versions) {
            deployAppVersion(repo, dep, v);
        }
        return repo;
    }

    private static void deployAppVersion(MavenRepo repo, Path dep, String version) throws Exception {
        String g = repo.group;
        String main = """
                package %s.app;
                import java.util.Arrays;
                public class Main {
                    public static void main(String[] args) {
                        boolean open = Object.class.getModule().isOpen("java.lang", Main.class.getModule());
                        System.out.println("app %s " + %s.dep.Dep.text() + " " + Arrays.toString(args)
                                + " who=" + System.getProperty("who") + " open=" + open);
                        if (args.length == 1 && args[0].startsWith("exit=")) {
                            System.exit(Integer.parseInt(args[0].substring(5)));
                        }
                    }
                }
                """.formatted(g, version, g);
        repo.deploy("app", version, MavenRepo.jar(repo.compile(Map.of(g + ".app.Main", main), List.of(dep)),
                Map.of("Main-Class", g + ".app.Main", "Add-Opens", "java.base/java.lang")), repo.dependency("dep", "1.0"));
    }

    private List<Path> indexFiles() throws Exception {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(p -> p.getFileName().toString().endsWith("-a")).sorted().toList();
        }
    }

    @Test
    void runsTheMainClassOfAnArtifactWithItsDependencies() throws Exception {
        MavenRepo repo = deployApp(sandbox.dir(), "1.0");
        Jiffy tool = withSettingsFor(repo);

        Result r = tool.run("tool", "-x", repo.gav("app", "1.0"), "a", "b c");
        assertThat(r).succeeded().printed("app 1.0 dep [a, b c] who=null open=true\n");
        assertThat(r.executable().getFileName().toString()).isEqualTo("app");

        Result again = tool.run("tool", "-x", repo.gav("app", "1.0"), "exit=3");
        assertThat(again).exitedWith(3).isHit().printed("app 1.0 dep [exit=3] who=null open=true\n");

        // Without -x the launcher may take the run file: the same program, the same status.
        Result fast = tool.run("tool", repo.gav("app", "1.0"), "exit=4");
        assertThat(fast).exitedWith(4).printed("app 1.0 dep [exit=4] who=null open=true\n");
    }

    @Test
    void aLauncherAgentClassRunsBeforeTheMainClassAsWithJavaJar() throws Exception {
        MavenRepo repo = MavenRepo.create(sandbox.dir());
        String g = repo.group;
        String agent = """
                package %s.agent;
                public class Agent {
                    public static void agentmain(String args, java.lang.instrument.Instrumentation inst) {
                        System.setProperty("agent", "ran, instrumentation " + (inst != null));
                    }
                }
                """.formatted(g);
        String main = """
                package %s.agent;
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("main: agent " + System.getProperty("agent") + " " + java.util.Arrays.toString(args));
                    }
                }
                """.formatted(g);
        repo.deploy("agented", "1.0", MavenRepo.jar(repo.compile(Map.of(g + ".agent.Agent", agent, g + ".agent.Main", main),
                List.of()), Map.of("Main-Class", g + ".agent.Main", "Launcher-Agent-Class", g + ".agent.Agent")));
        Jiffy tool = withSettingsFor(repo);

        Result built = tool.run("tool", "-x", repo.gav("agented", "1.0"), "a b");
        assertThat(built).printed("main: agent ran, instrumentation true [a b]\n");
        Result fast = tool.run("tool", repo.gav("agented", "1.0"), "fast");
        assertThat(fast).printed("main: agent ran, instrumentation true [fast]\n");

        // The executable on its own (its header) starts the agent too.
        Result alone = jiffy.exec(List.of(built.executable().toString(), "alone"), new byte[0]);
        assertThat(alone).succeeded().printed("main: agent ran, instrumentation true [alone]\n").stderr().isEmpty();
    }

    @Test
    void noVersionMeansTheNewestReleaseCheckedOnceADayAndRememberedOffline() throws Exception {
        MavenRepo repo = deployApp(sandbox.dir(), "1.0", "1.1");
        Jiffy tool = withSettingsFor(repo);
        String ga = repo.group + ":app";

        Result first = tool.run("tool", "-x", ga);
        assertThat(first).succeeded().stdout().startsWith("app 1.1 ");
        assertThatStderrLines(first).anyMatch(l -> l.startsWith("look up the newest release of " + ga));

        // A newer release within the day is not looked up.
        deployAppVersion(repo, repo.root.resolve(repo.group.replace('.', '/') + "/dep/1.0/dep-1.0.jar"), "1.2");
        Result sameDay = tool.run("tool", "-x", ga);
        assertThat(sameDay).stdout().startsWith("app 1.1 ");
        assertThatStderrLines(sameDay).noneMatch(l -> l.startsWith("look up"));

        // Offline, with the repository gone, the version found last is run.
        MavenRepo.deleteTree(repo.root);
        Result offline = tool.run("tool", "-x", "-offline", ga, "x");
        assertThat(offline).succeeded().printed("app 1.1 dep [x] who=null open=true\n").isHit();
    }

    @Test
    void catalogAliasesNameACoordinateOrAScript() throws Exception {
        MavenRepo repo = deployApp(sandbox.dir(), "1.0");
        Jiffy tool = withSettingsFor(repo);
        write(work.resolve("jbang-catalog.json"), """
                {
                  "catalogs": {},
                  "aliases": {
                    "app": {
                      "script-ref": "%s",
                      "description": "the team's app",
                      "arguments": ["from-alias"],
                      "java-options": ["-Dwho=alias"]
                    },
                    "hello": {
                      "script-ref": "scripts/hello.java",
                      "arguments": ["x"],
                      "java-options": ["-Dwho=script"]
                    }
                  }
                }
                """.formatted(repo.gav("app", "1.0")));
        write(work.resolve("scripts/hello.java"), """
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                import java.util.Arrays;
                public class hello {
                    public static void main(String[] args) {
                        System.out.println("hello " + Arrays.toString(args) + " who=" + System.getProperty("who"));
                    }
                }
                """);
        // The catalog of a parent directory counts.
        Jiffy below = tool.in(Files.createDirectories(work.resolve("sub/dir")));

        Result app = below.run("tool", "app", "more");
        assertThat(app).succeeded().printed("app 1.0 dep [from-alias, more] who=alias open=true\n");

        Result hello = below.run("tool", "hello", "y");
        assertThat(hello).succeeded().printed("hello [x, y] who=script\n");
        // As JBang's run, jiffy run takes an alias or a coordinate too.
        assertThat(below.run("run", "hello", "z")).succeeded().printed("hello [x, z] who=script\n");
        assertThat(below.run("run", repo.gav("app", "1.0"), "w")).succeeded().printed("app 1.0 dep [w] who=null open=true\n");
        // alias@catalog: a catalog by its path, or its directory's.
        Path elsewhere = Files.createDirectories(sandbox.dir().resolve("elsewhere"));
        Jiffy away = tool.in(elsewhere);
        assertThat(away.run("tool", "hello@" + work, "v")).succeeded().printed("hello [x, v] who=script\n");
        assertThat(away.run("run", "hello@" + work.resolve("jbang-catalog.json"), "u")).succeeded()
                .printed("hello [x, u] who=script\n");
        assertThat(away.run("hello@" + work, "t")).as("jiffy alias@catalog is jiffy run alias@catalog, as in JBang")
                .printed("hello [x, t] who=script\n");
        assertThat(below.run("hello", "s")).as("and jiffy alias").printed("hello [x, s] who=script\n");
        assertThat(away.run("run", "hello@nowhere")).exitedWith(1).hasNoStackTrace().stderr()
                .contains("hello@nowhere: nowhere is no catalog here");
    }

    @Test
    void aScriptAliasTakesJbangsFieldsAndNamesTheOnesJiffyDoesNotUse() throws Exception {
        MavenRepo repo = deployApp(sandbox.dir(), "1.0");
        Jiffy tool = withSettingsFor(repo);
        write(work.resolve("jbang-catalog.json"), """
                {
                  "aliases": {
                    "greet": {
                      "script-ref": "greet.java",
                      "runtime-options": ["-Dwho=runtime"],
                      "properties": {"mode": "fast"},
                      "dependencies": ["%s"],
                      "main": "Second",
                      "java": "17+",
                      "compile-options": ["-Xlint:all"],
                      "native-image": true
                    }
                  }
                }
                """.formatted(repo.gav("dep", "1.0")));
        write(work.resolve("greet.java"), """
                public class greet {
                    public static void main(String[] args) {
                        System.out.println("not this one");
                    }
                }

                class Second {
                    public static void main(String[] args) {
                        System.out.println(%s.dep.Dep.text() + " who=" + System.getProperty("who") + " mode="
                                + System.getProperty("mode") + " " + String.join(",", args));
                    }
                }
                """.formatted(repo.group));

        Result r = tool.run("tool", "greet", "a");
        assertThat(r).succeeded().printed("dep who=runtime mode=fast a\n");
        assertThatStderrLines(r).containsExactly("jiffy: warning: " + work.resolve("jbang-catalog.json")
                + ": alias greet: jiffy does not use native-image");
        // The command line's own -D wins over the catalog's properties.
        assertThat(tool.run("tool", "-Dmode=slow", "greet")).succeeded().printed("dep who=runtime mode=slow \n");

        write(work.resolve("jbang-catalog.json"), "{\n  \"aliases\": {\n    \"greet\": { \"script-ref\": }\n  }\n}\n");
        Result bad = tool.run("tool", "greet");
        assertThat(bad).exitedWith(1).hasNoStackTrace();
        assertThatStderrLines(bad).singleElement().asString()
                .startsWith("jiffy: " + work.resolve("jbang-catalog.json") + ":3:").contains("not a JBang catalog");
    }

    @Test
    void badToolsAreOneLineAndWriteNothing() throws Exception {
        MavenRepo repo = deployApp(sandbox.dir(), "1.0");
        repo.deploy("nomain", "1.0", MavenRepo.jar(Map.of("readme.txt", new byte[] {'x'}), Map.of()));
        Jiffy tool = withSettingsFor(repo);

        Map<String, String> expected = Map.of(
                repo.gav("nosuch", "1.0"), repo.group + ":nosuch",
                repo.gav("nomain", "1.0"), "its jar names no Main-Class",
                "nosuchalias", "nosuchalias",
                repo.group + ":neverlookedup", "offline");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<Path> before = indexFiles();
            Result r = e.getKey().endsWith("neverlookedup")
                    ? tool.run("tool", "-offline", e.getKey()) : tool.run("tool", e.getKey());
            assertThat(r).exitedWith(1).printed("").hasNoStackTrace();
            assertThatStderrLines(r).singleElement().asString().startsWith("jiffy: ").contains(e.getValue());
            // The resolve action of an artifact without a main class may be kept; no executable is.
            if (!e.getKey().contains("nomain")) {
                assertThat(indexFiles()).as(r.toString()).isEqualTo(before);
            }
        }

        Result malformed = tool.run("tool", "a:b:c:d:e");
        assertThat(malformed).exitedWith(2);
        assertThatStderrLines(malformed).first().asString()
                .startsWith("jiffy: tool \"a:b:c:d:e\" is not a Maven coordinate");
    }
}
