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
