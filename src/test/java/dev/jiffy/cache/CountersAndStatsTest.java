package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hit and miss counts in counters.txt, and what {@code jiffy cache stat} reports. */
class CountersAndStatsTest {
    static final Instant T = Instant.parse("2024-09-10T11:12:13Z");

    @TempDir
    Path tmp;
    Path root;
    TestClock clock = new TestClock(T);

    @BeforeEach
    void setUp() {
        root = tmp.resolve("cache");
    }

    @Test
    void hitsAndMissesAreWrittenOnClose() throws IOException {
        ActionId a = Ids.action("counted");
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.put(a, Ids.bytes("x"));
            cache.get(a);
            cache.get(a);
            cache.get(Ids.action("absent"));
            assertThat(root.resolve("counters.txt")).as("nothing is written before close").doesNotExist();
        }
        assertThat(root.resolve("counters.txt")).hasContent("hits 2\nmisses 1\n");

        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.get(a);
            cache.count("builds", 3);
        }
        assertThat(root.resolve("counters.txt")).hasContent("builds 3\nhits 3\nmisses 1\n");
        assertThat(Counters.read(root)).isEqualTo(Map.of("builds", 3L, "hits", 3L, "misses", 1L));
    }

    @Test
    void aCacheThatCountedNothingWritesNothing() throws IOException {
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.put(Ids.action("only a put"), Ids.bytes("x"));
        }
        assertThat(root.resolve("counters.txt")).doesNotExist();
        assertThat(Counters.read(root)).isEmpty();
    }

    @Test
    void closingTwiceCountsOnce() throws IOException {
        DiskCache cache = DiskCache.open(root, clock, false);
        cache.get(Ids.action("absent"));
        cache.close();
        cache.close();
        assertThat(Counters.read(root)).isEqualTo(Map.of("misses", 1L));
    }

    @Test
    void linesThatDoNotParseAreDropped() throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("counters.txt"), "hits 5\ngarbage\nmisses -3\nmisses 2 extra\n\n");
        assertThat(Counters.read(root)).isEqualTo(Map.of("hits", 5L));

        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.get(Ids.action("absent"));
        }
        assertThat(root.resolve("counters.txt")).hasContent("hits 5\nmisses 1\n");
    }

    @Test
    void manyCachesInOneProcessClosingAtOnceLoseNoCount() throws Exception {
        Files.createDirectories(root);
        int threads = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        try (DiskCache cache = DiskCache.open(root, clock, false)) {
                            cache.get(Ids.action("absent"));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(failures).isEmpty();
        assertThat(Counters.read(root)).isEqualTo(Map.of("misses", (long) threads * 20));
    }

    @Test
    void statCountsEntriesExecutablesBytesAndArchives() throws IOException {
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.put(Ids.action("one"), new byte[100]);
            cache.put(Ids.action("two"), new byte[200]);
            cache.put(Ids.action("three"), new byte[100]); // the same content as "one": stored once
            Lookup.Hit exe = cache.putExecutable(Ids.action("prog"), "prog", new byte[5000]);
            // A class-data archive beside the executable counts in bytes, and on a line of its own.
            Files.write(cache.outputFile(exe.outputId()).resolveSibling(CacheStats.ARCHIVE_PREFIX + "k.jsa"), new byte[700]);
            cache.get(Ids.action("one"));
            cache.get(Ids.action("absent"));
        }
        MarkUsedTest.setMtime(T.minusSeconds(300), Ids.indexFile(root, Ids.action("one")));
        MarkUsedTest.setMtime(T.minusSeconds(200), Ids.indexFile(root, Ids.action("two")));
        MarkUsedTest.setMtime(T.minusSeconds(100), Ids.indexFile(root, Ids.action("three")));
        MarkUsedTest.setMtime(T.minusSeconds(50), Ids.indexFile(root, Ids.action("prog")));
        // Content mtimes do not count as uses of an entry.
        MarkUsedTest.setMtime(T.minusSeconds(9999), Ids.contentPath(root, OutputId.of(new byte[200])));

        CacheStats stats = CacheStats.of(root);

        assertThat(stats).isEqualTo(new CacheStats(4, 2, 1, 4 * IndexEntry.LENGTH + 100 + 200 + 5000 + 700, 700,
                T.minusSeconds(300).toEpochMilli(), T.minusSeconds(50).toEpochMilli(),
                Map.of("hits", 1L, "misses", 1L)));
    }

    @Test
    void statOfAnEmptyCache() throws IOException {
        DiskCache.open(root, clock, false).close();
        assertThat(CacheStats.of(root)).isEqualTo(new CacheStats(0, 0, 0, 0, 0, 0, 0, Map.of()));
    }
}
