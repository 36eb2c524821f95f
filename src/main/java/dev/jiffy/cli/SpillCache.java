package dev.jiffy.cli;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.NonReproducibleException;
import dev.jiffy.cache.OutputId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cache a build puts into, with somewhere to go when the disk refuses a put (full,
 * read-only, quota): a temporary cache, after one warning, so that the program still builds
 * and runs, uncached, as with a cache that cannot be created at all.
 */
final class SpillCache implements Cache {
    /** Makes the temporary cache, the first time a put is refused. */
    @FunctionalInterface
    interface Spill {
        Cache open(IOException why) throws IOException;
    }

    private final Cache primary;
    private final Spill spill;
    private Cache spilled;

    SpillCache(Cache primary, Spill spill) {
        this.primary = primary;
        this.spill = spill;
    }

    @Override
    public Lookup get(ActionId action) throws IOException {
        if (spilled != null && spilled.get(action) instanceof Lookup.Hit hit) {
            return hit;
        }
        return primary.get(action);
    }

    @Override
    public Lookup.Hit put(ActionId action, byte[] content) throws IOException {
        if (spilled == null) {
            try {
                return primary.put(action, content);
            } catch (NonReproducibleException e) {
                throw e;
            } catch (IOException e) {
                spilled = spill.open(e);
            }
        }
        return spilled.put(action, content);
    }

    @Override
    public Lookup.Hit putExecutable(ActionId action, String name, byte[] content) throws IOException {
        if (spilled == null) {
            try {
                return primary.putExecutable(action, name, content);
            } catch (NonReproducibleException e) {
                throw e;
            } catch (IOException e) {
                spilled = spill.open(e);
            }
        }
        return spilled.putExecutable(action, name, content);
    }

    @Override
    public Path outputFile(OutputId output) throws IOException {
        if (spilled != null) {
            Path file = spilled.outputFile(output);
            if (Files.exists(file)) {
                return file;
            }
        }
        return primary.outputFile(output);
    }

    /** Counted in the configured cache, whose counters {@code cache stat} reads. */
    @Override
    public void count(String name, long delta) {
        primary.count(name, delta);
    }

    /** The caches are the session's, which closes them. */
    @Override
    public void close() {}
}
