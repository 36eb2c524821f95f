package dev.jiffy.work;

import dev.jiffy.cache.Sha256;
import dev.jiffy.deps.Directives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what a build needs of a source file: its content hash and its directives. The plain
 * scanner reads the file; the stat manifest of the run package answers from memory for files
 * whose size, times and inode did not change (git's index idea).
 */
public interface SourceScanner {
    /**
     * A scanned file: its SHA-256, its directive lines, and the stamp (as {@code stat} prints it)
     * taken before it was read, or null when the scanner keeps none.
     */
    record Scanned(String sha256, Directives directives, String stamp) {}

    /** @param display the file's name in messages ({@code File.java:LINE: ...}) */
    Scanned scan(Path file, String display) throws IOException;

    /**
     * The stamp of a directory a {@code //SOURCES} glob lists, taken before it is listed, so
     * that a file added to it later is seen; null when the scanner keeps none.
     */
    default String stampDirectory(Path directory) throws IOException {
        return null;
    }

    /** Reads and hashes every file. */
    SourceScanner READ = (file, display) -> {
        byte[] content = Files.readAllBytes(file);
        return new Scanned(Sha256.of(content), Directives.parse(display, content), null);
    };
}
