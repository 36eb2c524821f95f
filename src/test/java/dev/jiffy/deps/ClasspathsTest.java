package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's class paths through the real resolver and a real repository on disk, with the
 * scopes, optional dependencies, exclusions and managed versions Maven applies.
 */
class ClasspathsTest {
    @TempDir
    Path temp;
    Path repo;
    /** A group of its own, so that what the resolver copies into ~/.m2 is this test's alone. */
    final String group = "test.jiffy.c" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    MavenResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        repo = Files.createDirectories(temp.resolve("repo"));
        deploy("lib", "1.0", dependency("transitive", "1.0", "") + dependency("gone", "1.0", "<optional>true</optional>")
                + dependency("unwanted", "1.0", "") + dependency("tool", "1.0", "<scope>provided</scope>"));
        deploy("transitive", "1.0", "");
        deploy("transitive", "2.0", "");
        deploy("unwanted", "1.0", "");
        deploy("api", "1.0", "");
        deploy("driver", "1.0", "");
        deploy("tests-only", "1.0", "");
        resolver = new MavenResolver(List.of(new Repository("fixture", repo.toUri().toString())), false, null);
    }

    @AfterEach
    void tearDown() throws IOException {
        resolver.close();
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(group.replace('.', '/'));
        if (Files.exists(local)) {
            try (var walk = Files.walk(local)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void javacGetsProvidedAndSystemAndTheProgramRuntimeAsExecJavaWould() throws Exception {
        Path local = Files.writeString(temp.resolve("local.jar"), "a local jar");
        List<ProjectDependency> deps = List.of(
                new ProjectDependency(coordinate("lib", "1.0"), "compile", false, List.of(group + ":unwanted"), null),
                new ProjectDependency(coordinate("api", "1.0"), "provided", false, List.of(), null),
                new ProjectDependency(coordinate("driver", "1.0"), "runtime", false, List.of(), null),
                new ProjectDependency(coordinate("tests-only", "1.0"), "test", false, List.of(), null),
                new ProjectDependency(coordinate("local", "1"), "system", false, List.of(), local));
        List<ProjectDependency> managed = List.of(
                new ProjectDependency(coordinate("transitive", "2.0"), "compile", false, List.of(), null));

        Classpaths c = resolver.resolveClasspaths(deps, managed);

        // lib's optional and provided dependencies are its own business; the exclusion drops unwanted.
        assertThat(c.compile().artifacts()).extracting(ResolvedArtifact::coordinate).containsExactlyInAnyOrder(
                group + ":lib:1.0", group + ":transitive:2.0", group + ":api:1.0", group + ":local:1");
        assertThat(c.runtime().artifacts()).extracting(ResolvedArtifact::coordinate).containsExactlyInAnyOrder(
                group + ":lib:1.0", group + ":transitive:2.0", group + ":driver:1.0");
        // A system jar is named by its content, as a SNAPSHOT is: its coordinate does not fix it.
        assertThat(c.compile().artifacts()).filteredOn(a -> a.coordinate().endsWith(":local:1"))
                .singleElement().satisfies(a -> assertThat(a.sha256()).isEqualTo(dev.jiffy.cache.Sha256.of(local)));
        assertThat(c.compile().filesPresent()).isTrue();
    }

    @Test
    void onlyTestDependenciesGiveEmptyClassPaths() throws Exception {
        Classpaths c = resolver.resolveClasspaths(List.of(
                new ProjectDependency(coordinate("tests-only", "1.0"), "test", false, List.of(), null)), List.of());

        assertThat(c.compile().artifacts()).isEmpty();
        assertThat(c.runtime().artifacts()).isEmpty();
    }

    @Test
    void aMissingDependencyIsOneLineNamingIt() {
        assertThatThrownBy(() -> resolver.resolveClasspaths(List.of(
                new ProjectDependency(coordinate("nowhere", "9"), "compile", false, List.of(), null)), List.of()))
                .isInstanceOf(DependencyException.class).hasMessageContaining(group + ":nowhere")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Coordinate coordinate(String artifact, String version) {
        return new Coordinate(group, artifact, version, null, "jar");
    }

    private String dependency(String artifact, String version, String extra) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version>" + extra + "</dependency>";
    }

    /** A pom with {@code dependencies} and a jar (its bytes do not matter to the resolver), with checksums. */
    private void deploy(String artifact, String version, String dependencies) throws Exception {
        Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        write(dir.resolve(artifact + "-" + version + ".pom"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>" + group + "</groupId><artifactId>" + artifact
                + "</artifactId><version>" + version + "</version><dependencies>" + dependencies + "</dependencies></project>\n");
        write(dir.resolve(artifact + "-" + version + ".jar"), "jar of " + artifact + " " + version);
    }

    private static void write(Path file, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)));
    }
}
