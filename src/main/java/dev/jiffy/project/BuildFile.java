package dev.jiffy.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build file that makes a directory part of a project: the nearest {@code pom.xml} or Gradle
 * build file at or above it, as {@code go} finds {@code go.mod}. A {@code pom.xml} wins over a
 * Gradle file in the same directory, since Maven projects are what jiffy reads.
 */
public record BuildFile(Path file, Kind kind) {
    public enum Kind { MAVEN, GRADLE }

    private static final List<String> GRADLE = List.of("settings.gradle.kts", "settings.gradle", "build.gradle.kts",
            "build.gradle");

    /**
     * The pom of the Maven project {@code dir} is a program of: its own, or the nearest one
     * above it when {@code dir} lies in that project's source directory ({@code src/main/java}, or
     * the pom's {@code sourceDirectory}); else null, and {@code dir} is a plain directory of
     * sources, such as an examples folder inside a project.
     */
    public static Path projectPom(Path dir) {
        Path own = dir.resolve("pom.xml");
        if (Files.isRegularFile(own)) {
            return own;
        }
        BuildFile nearest = nearest(dir);
        if (nearest == null || nearest.kind() != Kind.MAVEN) {
            return null;
        }
        Path sources = sourceDirectory(nearest.file());
        return dir.toAbsolutePath().normalize().startsWith(sources) ? nearest.file() : null;
    }

    /** The source directory a pom names, read from its own XML; the default when it names none that can be read so. */
    private static Path sourceDirectory(Path pom) {
        Path base = pom.toAbsolutePath().normalize().getParent();
        String declared = null;
        try (java.io.InputStream in = Files.newInputStream(pom)) {
            org.apache.maven.model.Model raw = new org.apache.maven.model.io.xpp3.MavenXpp3Reader().read(in, false);
            declared = raw.getBuild() == null ? null : raw.getBuild().getSourceDirectory();
        } catch (java.io.IOException | org.codehaus.plexus.util.xml.pull.XmlPullParserException | RuntimeException e) {
            // Reading the project reports what is wrong with its pom.
        }
        if (declared != null) {
            declared = declared.strip().replace("${project.basedir}/", "").replace("${basedir}/", "");
        }
        return declared == null || declared.contains("${") ? base.resolve("src/main/java") : base.resolve(declared).normalize();
    }

    /** The nearest build file at or above {@code dir}, or null when there is none up to the root. */
    public static BuildFile nearest(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path pom = d.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                return new BuildFile(pom, Kind.MAVEN);
            }
            for (String name : GRADLE) {
                Path gradle = d.resolve(name);
                if (Files.isRegularFile(gradle)) {
                    return new BuildFile(gradle, Kind.GRADLE);
                }
            }
        }
        return null;
    }
}
