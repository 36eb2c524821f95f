package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: several writers at once, and writers killed (SIGKILL) in the middle of a put. */
class MultiProcessTest {
    static final int LARGE_MB = 64;

    @TempDir
    Path tmp;

    @Test
    void fourProcessesPuttingTheSameKeysAtOnceAllSucceed() throws Exception {
        Path root = tmp.resolve("cache");
        int processes = 4;
        int keys = 150;
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                children.add(ChildJvm.start("put-many", root.toString(), Integer.toString(keys)));
            }
            for (ChildJvm c : children) {
                assertThat(c.readLine()).isEqualTo("ready");
            }
            for (ChildJvm c : children) {
                c.send("go");
            }
            for (ChildJvm c : children) {
                assertThat(c.waitFor()).as("child exit status").isZero();
            }
        } finally {
            children.forEach(ChildJvm::close);
        }

        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            for (int i = 0; i < keys; i++) {
                assertThat(Cache.getBytes(cache, CacheChild.manyAction(i))).as("key %d", i).isEqualTo(CacheChild.manyContent(i));
            }
        }
        CacheStats stats = CacheStats.of(root);
        assertThat(stats.entries()).isEqualTo(keys);
        assertThat(stats.executables()).isEqualTo(keys / 10);
        assertThat(stats.contentFiles()).isEqualTo(keys - keys / 10);
        assertThat(temporaryFiles(root)).isEmpty();
        // Every child read back every key: the counters, added under a file lock, lost none.
        assertThat(stats.counters()).containsEntry("hits", (long) processes * keys + keys).doesNotContainKey("misses");
    }

    @Test
    void aWriterKilledAtARandomMomentLeavesAMissOrTheWholeContent() throws Exception {
        Path root = tmp.resolve("cache");
        Random random = new Random();
        for (int round = 0; round < 3; round++) {
            int seed = round;
            try (ChildJvm child = ChildJvm.start("put-large", root.toString(), Integer.toString(seed), Integer.toString(LARGE_MB))) {
                assertThat(child.readLine()).isEqualTo("ready");
                Thread.sleep(random.nextInt(400));
                child.kill();
            }
            assertMissOrWhole(root, seed);
        }
    }

    @Test
    void aWriterKilledWhileWritingLeavesOnlyATemporaryFileThatTrimRemoves() throws Exception {
        Path root = tmp.resolve("cache");
        int seed = 100;
        OutputId out = null;
        boolean caught = false;
        for (int attempt = 0; attempt < 5 && !caught; attempt++) {
            try (ChildJvm child = ChildJvm.start("put-large", root.toString(), Integer.toString(seed), Integer.toString(LARGE_MB))) {
                assertThat(child.readLine()).isEqualTo("ready");
                if (out == null) {
                    out = OutputId.of(CacheChild.largeContent(seed, LARGE_MB));
                }
                Path dir = Ids.contentPath(root, out).getParent();
                // Kill the moment the temporary content file appears (or give up when the put is done).
                while (child.process().isAlive() && temporaryFiles(dir).isEmpty()) {
                    Thread.onSpinWait();
                }
                child.kill();
                caught = !temporaryFiles(dir).isEmpty() && !Files.exists(Ids.contentPath(root, out));
            }
            if (!caught) {
                Entries.remove(root); // the put finished first: try again from an empty cache
            }
        }
        assertThat(caught).as("a put was caught in the middle of writing in 5 attempts").isTrue();

        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            assertThat(cache.get(CacheChild.largeAction(seed))).isEqualTo(new Lookup.Miss("no index entry"));
        }
        assertThat(temporaryFiles(root)).hasSize(1);

        TestClock clock = new TestClock(Clock.systemUTC().instant());
        new Trim(root, clock, Duration.ofDays(5), Long.MAX_VALUE).run(true);
        assertThat(temporaryFiles(root)).as("a fresh temporary file may still be written to").hasSize(1);
        clock.advance(Duration.ofHours(1).plusSeconds(2));
        new Trim(root, clock, Duration.ofDays(5), Long.MAX_VALUE).run(true);
        assertThat(temporaryFiles(root)).isEmpty();

        // The cache works as before: a second writer puts the whole content.
        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            byte[] content = CacheChild.largeContent(seed, LARGE_MB);
            cache.put(CacheChild.largeAction(seed), content);
            assertThat(Cache.getBytes(cache, CacheChild.largeAction(seed))).isEqualTo(content);
        }
    }

    private static void assertMissOrWhole(Path root, int seed) throws IOException {
        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            ActionId a = CacheChild.largeAction(seed);
            Lookup lookup = cache.get(a);
            if (lookup instanceof Lookup.Hit) {
                assertThat(Cache.getBytes(cache, a)).as("round %d: a hit has all the bytes", seed)
                        .isEqualTo(CacheChild.largeContent(seed, LARGE_MB));
            } else {
                assertThat(lookup).as("round %d", seed).isEqualTo(new Lookup.Miss("no index entry"));
                assertThat(Cache.getBytes(cache, a)).isNull();
            }
        }
    }

    /** Temporary files anywhere under {@code dir}. */
    static List<Path> temporaryFiles(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (var walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).forEach(found::add);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e;
            }
        }
        return found;
    }
}
