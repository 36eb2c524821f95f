package dev.jiffy.deps;

import java.nio.file.Path;

/**
 * One artifact of a resolved set: its coordinate with the version the resolver chose, its file
 * in the local repository, and for a SNAPSHOT the SHA-256 of that file (a released artifact
 * never changes under its name, so its coordinate says all).
 */
public record ResolvedArtifact(String coordinate, Path file, String sha256) {
    /** The line this artifact adds to an action ID. */
    public String keyLine() {
        return "dep " + coordinate + (sha256 == null ? "" : " " + sha256);
    }
}
