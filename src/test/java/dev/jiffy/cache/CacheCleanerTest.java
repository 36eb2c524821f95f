package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jiffy clean -cache} renames the cache away first, so a user of it never sees it half-deleted. */
class CacheCleanerTest {
    @TempDir
    Path tmp;

    @Test
    void removesTheCacheAndLeavesNothingBehind() throws IOException {
        Path root = tmp.resolve("cache");
        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            for (int i = 0; i < 100; i++) {
                cache.put(Ids.action("clean " + i), Ids.bytes("content " + i));
            }
            cache.putExecutable(Ids.action("exe"), "prog", Ids.bytes("program"));
        }

        assertThat(CacheCleaner.clean(root)).isTrue();

        assertThat(root).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
        assertThat(CacheCleaner.clean(root)).isFalse();
    }

    @Test
    void finishesACleanThatWasInterrupted() throws IOException {
        Path root = tmp.resolve("cache");
        Path trash = Files.createDirectories(tmp.resolve(".cache.trash-0123abcd").resolve("ab"));
        Files.write(trash.resolve("leftover-d"), Ids.bytes("leftover"));
        Path neighbour = Files.createDirectories(tmp.resolve("other"));

        assertThat(CacheCleaner.clean(root)).isFalse();

        assertThat(tmp.resolve(".cache.trash-0123abcd")).doesNotExist();
        assertThat(neighbour).exists();
    }

    @Test
    void refusesToCleanADirectoryOthersMayWrite() throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.write(root.resolve("keep"), Ids.bytes("keep"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CacheCleaner.clean(root)).isInstanceOf(CacheRefusedException.class);
        assertThat(root.resolve("keep")).exists();
    }

    @Test
    @Timeout(120) // a guard against a hang, not a measurement
    void aCacheInUseWhileCleanedFailsCleanlyOrWorksAndNeverServesBadBytes() throws Exception {
        Path root = tmp.resolve("cache");
        DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger puts = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                ActionId a = Ids.action("busy " + i);
                byte[] data = Ids.bytes("busy content " + i);
                try {
                    cache.put(a, data);
                    puts.incrementAndGet();
                    byte[] got = Cache.getBytes(cache, a);
                    if (got != null && !java.util.Arrays.equals(got, data)) {
                        throw new AssertionError("key " + i + " read back other bytes");
                    }
                } catch (IOException e) {
                    // The cache went away under us: a warning for the user, not a crash.
                } catch (Throwable e) {
                    synchronized (unexpected) {
                        unexpected.add(e);
                    }
                    return;
                } finally {
                    attempts.incrementAndGet();
                }
            }
        });
        writer.start();
        while (puts.get() < 50 && writer.isAlive()) {
            Thread.onSpinWait();
        }

        assertThat(CacheCleaner.clean(root)).isTrue();
        int attemptsAtClean = attempts.get();
        while (attempts.get() < attemptsAtClean + 20 && writer.isAlive()) {
            Thread.onSpinWait();
        }
        stop.set(true);
        writer.join();
        int written = attempts.get();
        try {
            cache.close();
        } catch (IOException e) {
            // Its counters may have nowhere to go: also a clean failure.
        }

        assertThat(unexpected).isEmpty();
        // Whether the puts after the clean failed or made a new cache, nothing in it is wrong.
        try (DiskCache fresh = DiskCache.open(root, Clock.systemUTC(), false)) {
            for (int i = 0; i < written; i++) {
                byte[] got = Cache.getBytes(fresh, Ids.action("busy " + i));
                if (got != null) {
                    assertThat(got).as("key %d", i).isEqualTo(Ids.bytes("busy content " + i));
                }
            }
            fresh.put(Ids.action("after"), Ids.bytes("after"));
            assertThat(Cache.getBytes(fresh, Ids.action("after"))).isEqualTo(Ids.bytes("after"));
        }
    }
}
