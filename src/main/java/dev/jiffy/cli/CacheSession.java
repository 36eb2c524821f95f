package dev.jiffy.cli;

import dev.jiffy.build.BuildReporter;
import dev.jiffy.cache.CacheRefusedException;
import dev.jiffy.cache.DiskCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The cache a command builds into: the configured one, or with {@code JIFFY_CACHE=off} (or a
 * cache that cannot be created, after a warning) a temporary one that goes away afterwards.
 */
final class CacheSession implements AutoCloseable {
    private final DiskCache cache;
    private final Path tempDir;
    private boolean keepTemp;

    private CacheSession(DiskCache cache, Path tempDir) {
        this.cache = cache;
        this.tempDir = tempDir;
    }

    static CacheSession open(Settings settings, Clock clock, BuildReporter reporter) throws IOException {
        if (settings.cacheEnabled()) {
            try {
                return new CacheSession(DiskCache.open(settings.cacheDir(), clock, settings.verify()), null);
            } catch (CacheRefusedException e) {
                throw e;
            } catch (IOException e) {
                reporter.warning("cache " + settings.cacheDir() + " cannot be used (" + Messages.describe(e)
                        + "); building without it");
            }
        }
        Path temp = Files.createTempDirectory("jiffy-");
        return new CacheSession(DiskCache.open(temp.resolve("cache"), clock, false), temp);
    }

    DiskCache cache() {
        return cache;
    }

    /** True when builds are kept: run files are written only then. */
    boolean persistent() {
        return tempDir == null;
    }

    /** The temporary directory that someone else will remove: the launcher, after the program ran. */
    Path handOverTemp() {
        keepTemp = true;
        return tempDir;
    }

    @Override
    public void close() throws IOException {
        try {
            cache.close();
        } catch (IOException e) {
            // Counters are statistics; losing one update is not worth failing a run.
        }
        if (tempDir != null && !keepTemp) {
            try (var walk = Files.walk(tempDir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
