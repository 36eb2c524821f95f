package dev.jiffy.deps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's local Maven repository as the resolver lays it out, read without the resolver, for
 * one thing only: a released pom (a parent, a BOM) that is already there, which the resolver
 * would take from there too. Setting up the resolver costs more than reading a project's poms;
 * anything else, or a user whose settings.xml moves the repository, goes through the resolver.
 */
public final class LocalRepository {
    private LocalRepository() {}

    /** The local copy of {@code g:a:v}'s pom, or null when the resolver has to be asked. */
    public static Path releasedPom(String groupId, String artifactId, String version) {
        if (version == null || version.endsWith("-SNAPSHOT") || version.contains("${") || version.startsWith("[")
                || version.startsWith("(")) {
            return null;
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        Path settings = m2.resolve("settings.xml");
        try {
            if (Files.isRegularFile(settings) && Files.readString(settings).contains("<localRepository>")) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        Path pom = m2.resolve("repository").resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".pom");
        return Files.isRegularFile(pom) ? pom : null;
    }
}
