package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jiffy.harness.MavenRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    MavenRepo repo;
    String group;
    MavenResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        repo = MavenRepo.create(temp);
        group = repo.group;
        deploy("lib", "1.0", dependency("transitive", "1.0", "") + dependency("gone", "1.0", "<optional>true</optional>")
                + dependency("unwanted", "1.0", "") + dependency("tool", "1.0", "<scope>provided</scope>"));
        deploy("transitive", "1.0", "");
        deploy("transitive", "2.0", "");
        deploy("unwanted", "1.0", "");
        deploy("api", "1.0", "");
        deploy("driver", "1.0", "");
        deploy("tests-only", "1.0", "");
        resolver = new MavenResolver(List.of(new Repository("fixture", repo.url())), false, null);
    }

    @AfterEach
    void tearDown() throws IOException {
        resolver.close();
        repo.deleteLocalCopy();
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

        Classpaths c = resolver.resolveClasspaths(deps, managed, Map.of());

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
                new ProjectDependency(coordinate("tests-only", "1.0"), "test", false, List.of(), null)), List.of(), Map.of());

        assertThat(c.compile().artifacts()).isEmpty();
        assertThat(c.runtime().artifacts()).isEmpty();
    }

    @Test
    void aMissingDependencyIsOneLineNamingIt() {
        assertThatThrownBy(() -> resolver.resolveClasspaths(List.of(
                new ProjectDependency(coordinate("nowhere", "9"), "compile", false, List.of(), null)), List.of(), Map.of()))
                .isInstanceOf(DependencyException.class).hasMessageContaining(group + ":nowhere")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Coordinate coordinate(String artifact, String version) {
        return new Coordinate(group, artifact, version, null, "jar");
    }

    private String dependency(String artifact, String version, String extra) {
        return MavenRepo.dependency(group, artifact, version, extra);
    }

    /** A pom with {@code dependencies} and a jar (its bytes do not matter to the resolver). */
    private void deploy(String artifact, String version, String dependencies) throws IOException {
        repo.deploy(artifact, version, ("jar of " + artifact + " " + version).getBytes(StandardCharsets.UTF_8), dependencies);
    }
}
