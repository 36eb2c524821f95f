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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad dependency inputs: each is one line on stderr naming what is at fault, a non-zero exit,
 * no stack trace, and nothing written to the cache. The cache already holds one good build, so
 * that "nothing written" is counted against entries that are there.
 */
class DepsErrorsIT {
    /** The repository and the cache that all tests share; the cache holds one good build. */
    @RegisterExtension
    static final Sandbox shared = new Sandbox();
    static final Path cache = shared.cache();
    static MavenRepo repo;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    Jiffy jiffy = sandbox.jiffy().withCache(cache);

    @BeforeAll
    static void deployAndBuildOne() throws Exception {
        repo = MavenRepo.create(shared.dir());
        byte[] jar = MavenRepo.jar(repo.compile(Map.of(repo.group + ".v.V",
                "package " + repo.group + ".v; public class V { public static String version() { return \"1.0\"; } }"),
                List.of()), Map.of());
        repo.deploy("v", "1.0", jar);
        // Deployed, never resolved: not in the local repository.
        repo.deploy("never", "1.0", jar);

        write(shared.work().resolve("Good.java"), "//DEPS " + repo.gav("v", "1.0") + "\n" + repo.reposLine() + "\n"
                + "public class Good { public static void main(String[] a) { System.out.println(" + repo.group + ".v.V.version()); } }\n");
        assertThat(shared.jiffy().run("run", "Good.java")).printed("1.0\n");
        assertThat(indexFiles()).hasSizeGreaterThanOrEqualTo(3);
    }

    @AfterAll
    static void removeLocalCopy() throws Exception {
        repo.deleteLocalCopy();
    }

    static List<Path> indexFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(p -> p.getFileName().toString().endsWith("-a")).sorted().toList();
        }
    }

    /** Runs {@code App.java} with {@code text}; returns its one line of stderr, after checking the rest. */
    private String failure(String text, String... flags) throws Exception {
        write(work.resolve("App.java"), text + "\npublic class App { public static void main(String[] a) {} }\n");
        List<Path> before = indexFiles();
        String[] args = Stream.concat(Stream.of("run"), Stream.concat(Stream.of(flags), Stream.of("App.java")))
                .toArray(String[]::new);
        Result r = jiffy.run(args);
        assertThat(r).exitedWith(1).printed("").hasNoStackTrace().stderrLines().hasSize(1);
        assertThat(indexFiles()).as("cache index entries after: " + r).isEqualTo(before);
        return r.errLines().get(0);
    }

    @Test
    void unknownArtifact() throws Exception {
        String line = failure("//DEPS " + repo.gav("nosuch", "1.0") + "\n" + repo.reposLine());
        // The line that asked for it comes first, as for every other directive error.
        assertThat(line).startsWith("jiffy: App.java:1: //DEPS " + repo.gav("nosuch", "1.0") + ": ")
                .contains(repo.group + ":nosuch:").contains("1.0");
    }

    @Test
    void unknownBom() throws Exception {
        String line = failure("//DEPS " + repo.gav("nobom", "1") + "@pom\n//DEPS " + repo.group + ":v\n" + repo.reposLine());
        assertThat(line).startsWith("jiffy: ").contains(repo.group + ":nobom");
    }

    @Test
    void unknownRepositoryShortName() throws Exception {
        String line = failure("//DEPS " + repo.gav("v", "1.0") + "\n//REPOS nosuch");
        assertThat(line).startsWith("jiffy: App.java:2: //REPOS: \"nosuch\" is not a repository URL");
    }

    @Test
    void malformedCoordinate() throws Exception {
        String line = failure("//DEPS foo");
        assertThat(line).isEqualTo("jiffy: App.java:1: //DEPS: \"foo\" is not a Maven coordinate"
                + " (group:artifact:version[:classifier][@type])");
    }

    @Test
    void versionlessDependencyWithoutABom() throws Exception {
        String line = failure("//DEPS " + repo.gav("v", "1.0") + "\n//DEPS " + repo.group + ":v");
        assertThat(line).startsWith("jiffy: App.java:2: //DEPS: \"" + repo.group + ":v\" has no version");
    }

    @Test
    void missingSourcedFile() throws Exception {
        String line = failure("//SOURCES Missing.java");
        assertThat(line).isEqualTo("jiffy: App.java:1: //SOURCES Missing.java: no such file");
    }

    @Test
    void missingFileSourcedBySourcedFile() throws Exception {
        write(work.resolve("sub/Helper.java"), "class Helper {}\n\n//SOURCES Gone.java\n");
        String line = failure("//SOURCES sub/Helper.java");
        assertThat(line).isEqualTo("jiffy: sub/Helper.java:3: //SOURCES Gone.java: no such file");
    }

    @Test
    void globMatchingNothing() throws Exception {
        String line = failure("//SOURCES lib/*.java");
        assertThat(line).isEqualTo("jiffy: App.java:1: //SOURCES lib/*.java: matches no file");
    }

    @Test
    void globMatchingNothingAfterAFileThatExists() throws Exception {
        write(work.resolve("Helper.java"), "class Helper {}\n");
        String line = failure("//SOURCES Helper.java lib/*.java");
        assertThat(line).isEqualTo("jiffy: App.java:1: //SOURCES lib/*.java: matches no file");
    }

    @Test
    void missingResource() throws Exception {
        String line = failure("//FILES data.txt");
        assertThat(line).isEqualTo("jiffy: App.java:1: //FILES data.txt: no such file");
    }

    @Test
    void offlineWithNothingLocal() throws Exception {
        String script = "//DEPS " + repo.gav("never", "1.0") + "\n" + repo.reposLine();
        String line = failure(script, "-offline");
        assertThat(line).startsWith("jiffy: App.java:1: //DEPS ").contains(repo.group + ":never").containsIgnoringCase("offline");

        jiffy = jiffy.with("JIFFY_OFFLINE", "1");
        String fromSetting = failure(script);
        assertThat(fromSetting).isEqualTo(line);
    }
}
