package dev.jiffy.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .mvn/maven.config} as mvn reads it: -D user properties and -P profiles, from the project root. */
class MavenConfigTest {
    @TempDir
    Path temp;

    @Test
    void propertiesAndProfilesComeFromTheNearestMvnDirectoryAbove() throws Exception {
        Path root = temp.toRealPath();
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "-Drevision=3.1 -B\n-D changelist=-rc1\n-Dquiet -Pextra,!slow -T 4\n");
        Path module = Files.createDirectories(root.resolve("app"));

        MavenConfig c = MavenConfig.of(module.resolve("pom.xml"));

        assertThat(c.file()).isEqualTo(root.resolve(".mvn/maven.config"));
        assertThat(c.userProperties()).containsExactlyInAnyOrderEntriesOf(
                Map.of("revision", "3.1", "changelist", "-rc1", "quiet", "true"));
        assertThat(c.activeProfiles()).containsExactly("extra");
        assertThat(c.inactiveProfiles()).containsExactly("slow");
    }

    @Test
    void buildExtensionsAreNotedForMessages() throws Exception {
        Path root = temp.toRealPath();
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/extensions.xml"), "<extensions/>");

        MavenConfig c = MavenConfig.of(root.resolve("pom.xml"));

        assertThat(c.extensions()).isEqualTo(root.resolve(".mvn/extensions.xml"));
        assertThat(c.file()).isNull();
    }

    @Test
    void withoutAnMvnDirectoryThereIsNoConfig() throws Exception {
        assertThat(MavenConfig.of(temp.toRealPath().resolve("pom.xml"))).isSameAs(MavenConfig.NONE);
    }

    @Test
    void anOptionWithoutItsValueNamesTheFile() throws Exception {
        Path root = temp.toRealPath();
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "-Dx=1 -D\n");

        assertThatThrownBy(() -> MavenConfig.of(root.resolve("pom.xml"))).isInstanceOf(ProjectException.class)
                .hasMessage(root.resolve(".mvn/maven.config") + ": -D needs a value after it");
    }

    @Test
    void aCiFriendlyVersionAndAProfileComeFromTheConfig() throws Exception {
        Path root = temp.toRealPath();
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "-Drevision=3.1 -Pextra\n");
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>app</artifactId><version>${revision}</version>
                  <profiles><profile><id>extra</id><properties><chosen>extra</chosen></properties></profile></profiles>
                </project>
                """);

        EffectiveModel m = EffectiveModel.read(root.resolve("pom.xml"), (g, a, v, r) -> {
            throw new java.io.IOException("no repository here");
        }, "17", Map.of(), MavenConfig.of(root.resolve("pom.xml")));

        assertThat(m.coordinates()).isEqualTo("demo:app:3.1");
        assertThat(m.model().getProperties()).containsEntry("chosen", "extra");
        assertThat(m.pomFiles()).contains(root.resolve(".mvn/maven.config"));
    }
}
