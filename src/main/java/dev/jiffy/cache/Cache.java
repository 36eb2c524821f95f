package dev.jiffy.cache;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A content-addressed build cache: action IDs map to output IDs, output IDs to content. This is
 * Go's {@code cmd/go/internal/cache.Cache}; everything beyond it is a plain function on top.
 */
public interface Cache extends Closeable {
    /** Looks up an action. A missing, malformed or incomplete entry is a {@link Lookup.Miss}. */
    Lookup get(ActionId action) throws IOException;

    /** Stores content as the output of an action. */
    Lookup.Hit put(ActionId action, byte[] content) throws IOException;

    /**
     * Stores an executable as {@code <xx>/<outputID>-d/<name>}, mode 0777 before umask, so that a
     * running program shows its own name.
     */
    Lookup.Hit putExecutable(ActionId action, String name, byte[] content) throws IOException;

    /** The file holding an output: the content file, or for an executable the file inside its directory. */
    Path outputFile(OutputId output) throws IOException;

    /**
     * Adds to a named counter ({@code jiffy cache stat} prints them): hits and misses are counted
     * by every get, and a tier in front of the disk counts what it did too.
     */
    void count(String name, long delta);

    /** Writes the hit and miss counters back; the cache stays usable by other processes. */
    @Override
    void close() throws IOException;

    /** The bytes of a hit, or null on a miss or when the content vanished since the lookup. */
    static byte[] getBytes(Cache cache, ActionId action) throws IOException {
        if (!(cache.get(action) instanceof Lookup.Hit hit)) {
            return null;
        }
        byte[] data;
        try {
            data = Files.readAllBytes(cache.outputFile(hit.outputId()));
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return data.length == hit.size() ? data : null;
    }
}
