package dev.jiffy.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import dev.jiffy.harness.MavenRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The effective model of a real project on disk, with a parent by relativePath whose own parent
 * and an imported BOM come from a real repository through Maven Resolver, as {@code mvn} reads it.
 */
class EffectiveModelTest {
    @TempDir
    Path temp;
    MavenRepo repo;
    String group;
    Path app;
    MavenResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        repo = MavenRepo.create(temp);
        group = repo.group;
        repo.deployPom("corp-parent", "3", "<properties><lib.version>1.0</lib.version>"
                + "<greeting>from the corporate parent</greeting></properties>");
        repo.deployPom("bom", "1.0", "<dependencyManagement><dependencies>"
                + dependency("lib", "2.5", "") + dependency("extra", "1.1", "") + "</dependencies></dependencyManagement>");
        write("parent/pom.xml", project("<parent><groupId>" + group + "</groupId><artifactId>corp-parent</artifactId>"
                + "<version>3</version><relativePath/></parent><artifactId>parent</artifactId><version>7.0</version>"
                + "<packaging>pom</packaging><properties><maven.compiler.release>17</maven.compiler.release></properties>"));
        app = write("app/pom.xml", project("<parent><groupId>" + group + "</groupId><artifactId>parent</artifactId>"
                + "<version>7.0</version><relativePath>../parent</relativePath></parent>"
                + "<artifactId>app</artifactId><name>${env.JIFFY_TEST_WHO} ${greeting}</name>"
                + "<dependencyManagement><dependencies>" + dependency("bom", "1.0", "<type>pom</type><scope>import</scope>")
                + "</dependencies></dependencyManagement>"
                + "<dependencies>" + dependency("lib", null, "") + "</dependencies>"
                + "<profiles><profile><id>extra</id><activation><property><name>with-extra</name></property></activation>"
                + "<dependencies>" + dependency("extra", null, "<scope>runtime</scope>") + "</dependencies></profile>"
                + "<profile><id>new-jdk</id><activation><jdk>[21,)</jdk></activation>"
                + "<properties><maven.compiler.release>21</maven.compiler.release></properties></profile></profiles>"))
                .getParent();
        resolver = new MavenResolver(List.of(new Repository("fixture", repo.url())), false, null);
    }

    @AfterEach
    void tearDown() throws IOException {
        resolver.close();
        repo.deleteLocalCopy();
    }

    private EffectiveModel read(String javaVersion, Properties user) throws ProjectException {
        return EffectiveModel.read(app.resolve("pom.xml"), this::pom, javaVersion, Map.of("JIFFY_TEST_WHO", "alice"),
                new MavenConfig(null, user, List.of(), List.of(), null));
    }

    private Path pom(String g, String a, String v, List<Repository> repositories) throws IOException {
        try {
            return resolver.pom(g, a, v, repositories);
        } catch (DependencyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Test
    void parentsBomsPropertiesAndTheEnvironmentMakeTheModel() throws Exception {
        EffectiveModel m = read("17.0.15", new Properties());

        assertThat(m.coordinates()).isEqualTo(group + ":app:7.0");
        assertThat(m.model().getName()).isEqualTo("alice from the corporate parent");
        assertThat(m.model().getProperties()).containsEntry("maven.compiler.release", "17");
        assertThat(m.model().getDependencies()).extracting(Dependency::getArtifactId, Dependency::getVersion)
                .containsExactly(tuple("lib", "2.5"));
        assertThat(m.model().getBuild().getSourceDirectory()).isEqualTo(app.resolve("src/main/java").toString());
        assertThat(m.pomFiles()).startsWith(app.resolve("pom.xml"), temp.resolve("parent/pom.xml"))
                .anyMatch(p -> p.endsWith("corp-parent-3.pom")).anyMatch(p -> p.endsWith("bom-1.0.pom")).hasSize(4);
    }

    @Test
    void profilesFollowTheJdkGivenAndTheUsersProperties() throws Exception {
        Properties user = new Properties();
        // mvn -Dwith-extra sets it to "true": a property activates a profile only when it is not empty.
        user.setProperty("with-extra", "true");

        EffectiveModel m = read("21.0.2", user);

        assertThat(m.model().getProperties()).containsEntry("maven.compiler.release", "21");
        assertThat(m.model().getDependencies()).extracting(Dependency::getArtifactId, Dependency::getVersion, Dependency::getScope)
                .containsExactly(tuple("lib", "2.5", "compile"),
                        tuple("extra", "1.1", "runtime"));
    }

    @Test
    void aMalformedPomIsOneLineWithItsLineAndColumn() throws Exception {
        Files.writeString(app.resolve("pom.xml"), "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>x</artifactId\n</project>\n");

        assertThatThrownBy(() -> read("17", new Properties())).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith(app.resolve("pom.xml") + ":4:")
                .hasMessageContaining("Non-parseable POM")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aParentFoundNowhereNamesThePomAndTheParent() throws Exception {
        Files.writeString(app.resolve("pom.xml"), project("<parent><groupId>" + group + "</groupId><artifactId>gone</artifactId>"
                + "<version>1</version></parent><artifactId>app</artifactId>"));

        assertThatThrownBy(() -> read("17", new Properties())).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith(app.resolve("pom.xml") + ":")
                .hasMessageContaining("Non-resolvable parent POM").hasMessageContaining(group + ":gone:pom:1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBomIsAlsoLookedForInTheRepositoriesThePomDeclares() throws Exception {
        resolver.close();
        // The user's repositories alone (Central) do not hold the BOM; the pom's own repository does.
        resolver = new MavenResolver(List.of(), false, null);
        Files.writeString(app.resolve("pom.xml"), project("<groupId>" + group + "</groupId><artifactId>app</artifactId>"
                + "<version>1</version><repositories><repository><id>fixture</id><url>" + repo.url() + "</url></repository>"
                + "</repositories><dependencyManagement><dependencies>"
                + dependency("bom", "1.0", "<type>pom</type><scope>import</scope>") + "</dependencies></dependencyManagement>"
                + "<dependencies>" + dependency("lib", null, "") + "</dependencies>"));

        EffectiveModel m = read("17", new Properties());

        assertThat(m.model().getDependencies()).extracting(Dependency::getArtifactId, Dependency::getVersion)
                .containsExactly(tuple("lib", "2.5"));
    }

    private String project(String body) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>" + body + "</project>\n";
    }

    private String dependency(String artifact, String version, String extra) {
        return MavenRepo.dependency(group, artifact, version, extra);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
