package dev.jiffy.cli;

import dev.jiffy.cache.Cache;
import dev.jiffy.cache.CacheRefusedException;
import dev.jiffy.cache.DiskCache;
import dev.jiffy.cache.Trim;
import dev.jiffy.run.ToolCode;
import dev.jiffy.work.BuildReporter;
import dev.jiffy.work.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The cache a command builds into: the configured one, or with {@code JIFFY_CACHE=off} (or a
 * cache that cannot be created, after a warning) a temporary one that goes away afterwards. A
 * cache that refuses a put half-way (a full disk, a read-only mount) sends the rest of the build
 * to a temporary one too.
 */
final class CacheSession implements AutoCloseable {
    private final DiskCache cache;
    private Path tempDir;
    private DiskCache spilled;
    private final Settings settings;
    private final BuildReporter reporter;
    private final Clock clock;
    private boolean keepTemp;

    private CacheSession(DiskCache cache, Path tempDir, Settings settings, BuildReporter reporter, Clock clock) {
        this.cache = cache;
        this.tempDir = tempDir;
        this.settings = settings;
        this.reporter = reporter;
        this.clock = clock;
    }

    static CacheSession open(Settings settings, Clock clock, BuildReporter reporter) throws IOException {
        if (settings.cacheEnabled()) {
            try {
                return new CacheSession(DiskCache.open(settings.cacheDir(), clock, settings.verify()), null, settings, reporter,
                        clock);
            } catch (CacheRefusedException e) {
                throw e;
            } catch (IOException e) {
                reporter.warning("cache " + settings.cacheDir() + " cannot be used (" + Messages.describe(e)
                        + "); building without it");
            }
        }
        Path temp = Files.createTempDirectory("jiffy-");
        return new CacheSession(DiskCache.open(temp.resolve("cache"), clock, false), temp, settings, reporter, clock);
    }

    /** The cache's directory, where run files and manifests are kept; null when builds are temporary. */
    Path root() {
        return persistent() ? cache.root() : null;
    }

    /**
     * The cache builds go through: the local one, behind the remote tier when JIFFY_REMOTE_CACHE
     * is set and the network may be used. Verify mode rebuilds every action, so it skips the
     * remote too. The remote tier's classes (HTTP, protobuf) load only here, so that a run
     * without a remote cache does not pay for them.
     */
    Cache buildCache(boolean networkAllowed) {
        Cache primary = settings.remoteCache().isEmpty() || !networkAllowed || settings.verify()
                ? cache : RemoteTier.wrap(cache, settings, reporter);
        return tempDir != null ? primary : new SpillCache(primary, this::spill);
    }

    /** The local cache alone, for what is never shared: test results. */
    Cache localCache() {
        return cache;
    }

    /** The temporary cache for the rest of a build whose put the configured cache refused. */
    private Cache spill(IOException why) throws IOException {
        reporter.warning("cache " + settings.cacheDir() + " cannot store the build (" + Messages.describe(why)
                + "); running it uncached");
        tempDir = Files.createTempDirectory("jiffy-");
        spilled = DiskCache.open(tempDir.resolve("cache"), clock, false);
        return spilled;
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

    /** Starts a daily trim in a detached process: no run waits for it. */
    void startTrimIfDue() {
        if (!persistent() || !new Trim(cache.root(), clock, settings.trimAge(), settings.cacheMax()).isDue()) {
            return;
        }
        try {
            new ProcessBuilder(Jdk.current().javaBinary().toString(), "-cp", ToolCode.location().toString(),
                    Main.class.getName(), "cache", "trim", "-if-due")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            // Trim is housekeeping; it will be tried again on a later run.
        }
    }

    @Override
    public void close() throws IOException {
        try {
            cache.close();
            if (spilled != null) {
                spilled.close();
            }
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
