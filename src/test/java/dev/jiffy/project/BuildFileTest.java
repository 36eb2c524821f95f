package dev.jiffy.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nearest build file upward, as go finds go.mod: a pom.xml, else a Gradle file, else none. */
class BuildFileTest {
    @TempDir
    Path temp;

    @Test
    void theNearestBuildFileAtOrAboveTheDirectoryCounts() throws Exception {
        Path root = temp.toRealPath();
        Files.writeString(root.resolve("build.gradle"), "");
        Path module = Files.createDirectories(root.resolve("module/src/main/java"));
        Files.writeString(root.resolve("module/pom.xml"), "<project/>");

        assertThat(BuildFile.nearest(module)).isEqualTo(new BuildFile(root.resolve("module/pom.xml"), BuildFile.Kind.MAVEN));
        assertThat(BuildFile.nearest(root)).isEqualTo(new BuildFile(root.resolve("build.gradle"), BuildFile.Kind.GRADLE));
        assertThat(BuildFile.nearest(Files.createDirectories(root.resolve("other"))).kind()).isEqualTo(BuildFile.Kind.GRADLE);
    }

    @Test
    void aPomWinsOverAGradleFileBesideItAndADirectoryIsNotABuildFile() throws Exception {
        Path root = temp.toRealPath();
        Files.writeString(root.resolve("settings.gradle.kts"), "");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        assertThat(BuildFile.nearest(root).kind()).isEqualTo(BuildFile.Kind.MAVEN);

        Path plain = Files.createDirectories(root.resolve("x/y"));
        Files.createDirectories(plain.resolve("pom.xml"));
        Files.createDirectories(plain.resolve("build.gradle"));
        assertThat(BuildFile.nearest(plain).file()).isEqualTo(root.resolve("pom.xml"));
    }

    @Test
    void aDirectoryIsAProjectsProgramInsideItsSourceDirectoryOnly() throws Exception {
        Path root = temp.toRealPath();
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path pkg = Files.createDirectories(root.resolve("src/main/java/app/cli"));
        Path examples = Files.createDirectories(root.resolve("examples/hello"));

        assertThat(BuildFile.projectPom(root)).isEqualTo(root.resolve("pom.xml"));
        assertThat(BuildFile.projectPom(pkg)).isEqualTo(root.resolve("pom.xml"));
        assertThat(BuildFile.projectPom(examples)).isNull();
        assertThat(BuildFile.projectPom(root.resolve("src/main"))).isNull();
    }

    @Test
    void aDeclaredSourceDirectoryIsTheOneThatCounts() throws Exception {
        Path root = temp.toRealPath();
        Files.writeString(root.resolve("pom.xml"),
                "<project><build><sourceDirectory>${project.basedir}/java</sourceDirectory></build></project>");
        Path pkg = Files.createDirectories(root.resolve("java/app"));
        Path standard = Files.createDirectories(root.resolve("src/main/java/app"));

        assertThat(BuildFile.projectPom(pkg)).isEqualTo(root.resolve("pom.xml"));
        assertThat(BuildFile.projectPom(standard)).isNull();
    }
}
