package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Put, get and the layout on disk, asserted byte for byte (after Go's cache_test.go). */
class DiskCacheTest {
    static final Instant T = Instant.parse("2024-05-06T07:08:09.123456789Z");
    static final long T_NANOS = 1_714_979_289_123_456_789L;

    @TempDir
    Path tmp;
    Path root;
    TestClock clock;
    DiskCache cache;

    @BeforeEach
    void open() throws IOException {
        root = tmp.resolve("cache");
        clock = new TestClock(T);
        cache = DiskCache.open(root, clock, false);
    }

    @AfterEach
    void close() throws IOException {
        cache.close();
    }

    @Test
    void putThenGetIsAHitWithTheSameBytes() throws IOException {
        ActionId a = Ids.action("compile hello");
        byte[] data = Ids.bytes("hello, cache\n");
        OutputId out = new OutputId(Ids.sha256(data));

        assertThat(cache.put(a, data)).isEqualTo(new Lookup.Hit(out, data.length, T_NANOS));

        assertThat(cache.get(a)).isEqualTo(new Lookup.Hit(out, data.length, T_NANOS));
        assertThat(Cache.getBytes(cache, a)).isEqualTo(data);
        assertThat(cache.outputFile(out)).isEqualTo(Ids.contentPath(root, out));
        assertThat(Files.readAllBytes(cache.outputFile(out))).isEqualTo(data);
    }

    @Test
    void indexEntryIsOneLineOf175Bytes() throws IOException {
        ActionId a = Ids.action("index line");
        byte[] data = new byte[12345];
        OutputId out = cache.put(a, data).outputId();

        byte[] line = Files.readAllBytes(Ids.indexFile(root, a));
        String expected = "v1 " + a.hex() + " " + out.hex()
                + " " + "               12345"
                + " " + " 1714979289123456789"
                + "\n";
        assertThat(line).hasSize(175);
        assertThat(new String(line, StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    @Test
    void filesAreSpreadOverDirectoriesNamedByTheFirstTwoHexDigits() throws IOException {
        ActionId a = Ids.action("layout");
        byte[] data = Ids.bytes("layout\n");
        String outHex = Ids.sha256(data);
        cache.put(a, data);

        Path index = root.resolve(a.hex().substring(0, 2)).resolve(a.hex() + "-a");
        Path content = root.resolve(outHex.substring(0, 2)).resolve(outHex + "-d");
        assertThat(index).isRegularFile();
        assertThat(content).isRegularFile().hasBinaryContent(data);
        assertThat(listNames(root)).containsOnly(a.hex().substring(0, 2), outHex.substring(0, 2));
    }

    @Test
    void executableIsStoredInADirectoryUnderItsProgramName() throws IOException {
        ActionId a = Ids.action("link hello");
        byte[] program = Ids.bytes("#!/bin/sh\necho hello\n");
        String outHex = Ids.sha256(program);

        Lookup.Hit hit = cache.putExecutable(a, "hello", program);

        Path dir = root.resolve(outHex.substring(0, 2)).resolve(outHex + "-d");
        assertThat(dir).isDirectory();
        assertThat(listNames(dir)).containsExactly("hello");
        assertThat(dir.resolve("hello")).hasBinaryContent(program);
        assertThat(Files.isExecutable(dir.resolve("hello"))).isTrue();
        assertThat(hit.outputId().hex()).isEqualTo(outHex);
        assertThat(cache.get(a)).isEqualTo(hit);
        assertThat(cache.outputFile(hit.outputId())).isEqualTo(dir.resolve("hello"));
        assertThat(Cache.getBytes(cache, a)).isEqualTo(program);
    }

    @Test
    void emptyContentIsAHit() throws IOException {
        ActionId a = Ids.action("empty");
        Lookup.Hit hit = cache.put(a, new byte[0]);

        assertThat(hit.outputId().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(cache.get(a)).isEqualTo(hit);
        assertThat(Cache.getBytes(cache, a)).isEmpty();
    }

    @Test
    void anActionNeverPutIsAMissWithItsReason() throws IOException {
        ActionId a = Ids.action("never put");
        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("no index entry"));
        assertThat(Cache.getBytes(cache, a)).isNull();
    }

    @Test
    void putAgainWithOtherContentReplacesTheOutput() throws IOException {
        ActionId a = Ids.action("changes");
        cache.put(a, Ids.bytes("first"));
        clock.advance(java.time.Duration.ofSeconds(1));
        Lookup.Hit second = cache.put(a, Ids.bytes("second"));

        assertThat(second.timeNanos()).isEqualTo(T_NANOS + 1_000_000_000L);
        assertThat(cache.get(a)).isEqualTo(second);
        assertThat(Cache.getBytes(cache, a)).isEqualTo(Ids.bytes("second"));
    }

    @Test
    void theSameContentForTwoActionsIsStoredOnce() throws IOException {
        OutputId o1 = cache.put(Ids.action("one"), Ids.bytes("shared")).outputId();
        OutputId o2 = cache.put(Ids.action("two"), Ids.bytes("shared")).outputId();

        assertThat(o1).isEqualTo(o2);
        assertThat(Cache.getBytes(cache, Ids.action("one"))).isEqualTo(Ids.bytes("shared"));
        assertThat(Cache.getBytes(cache, Ids.action("two"))).isEqualTo(Ids.bytes("shared"));
    }

    static Stream<Arguments> malformedIndexEntries() {
        ActionId a = Ids.action("malformed");
        String out = Ids.sha256("content");
        String good = "v1 " + a.hex() + " " + out + " " + pad(7) + " " + pad(T_NANOS) + "\n";
        return Stream.of(
                Arguments.of("zero-length", ""),
                Arguments.of("truncated", good.substring(0, 100)),
                Arguments.of("truncated before the newline", good.substring(0, 174)),
                Arguments.of("one byte too long", good + "x"),
                Arguments.of("garbage of the right length", "x".repeat(175)),
                Arguments.of("NULs of the right length", "\0".repeat(175)),
                Arguments.of("no newline at the end", good.substring(0, 174) + " "),
                Arguments.of("another version", "v2" + good.substring(2)),
                Arguments.of("another action's line", good.replace(a.hex(), Ids.action("other").hex())),
                Arguments.of("an output ID in upper case", good.replace(out, out.toUpperCase())),
                Arguments.of("a size that is not a number", good.replace(pad(7), pad(0).substring(1) + "x")),
                Arguments.of("a negative size", good.replace(pad(7), " ".repeat(18) + "-7")),
                Arguments.of("a size of 19 nines, beyond a long", good.replace(pad(7), " 9999999999999999999")),
                Arguments.of("a time of 19 nines, beyond a long", good.replace(pad(T_NANOS), " 9999999999999999999")),
                Arguments.of("a size with a space inside", good.replace(pad(7), " ".repeat(17) + "1 7")),
                Arguments.of("an empty size", good.replace(pad(7), " ".repeat(20))),
                Arguments.of("tabs for separators", good.replace(' ', '\t')));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedIndexEntries")
    void aMalformedIndexEntryIsAMissNotAnError(String what, String text) throws IOException {
        ActionId a = Ids.action("malformed");
        cache.put(a, Ids.bytes("content")); // the content is there: only the index entry is wrong
        Files.writeString(Ids.indexFile(root, a), text, StandardCharsets.ISO_8859_1);

        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("malformed index entry"));
        assertThat(Cache.getBytes(cache, a)).isNull();
    }

    @Test
    void theWellFormedLineOfTheMalformedCasesIsAHit() throws IOException {
        // The cases above are misses because of what they change, not because the base line is wrong.
        ActionId a = Ids.action("malformed");
        cache.put(a, Ids.bytes("content"));
        String good = "v1 " + a.hex() + " " + Ids.sha256("content") + " " + pad(7) + " " + pad(T_NANOS) + "\n";
        Files.writeString(Ids.indexFile(root, a), good, StandardCharsets.US_ASCII);

        assertThat(Cache.getBytes(cache, a)).isEqualTo(Ids.bytes("content"));
    }

    @Test
    void contentWhoseSizeDiffersFromTheIndexEntryIsAMiss() throws IOException {
        ActionId a = Ids.action("resized");
        OutputId out = cache.put(a, Ids.bytes("1234567890")).outputId();
        Path content = Ids.contentPath(root, out);

        Files.write(content, Ids.bytes("123456789"));
        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("content size differs from index entry"));
        Files.write(content, Ids.bytes("12345678901"));
        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("content size differs from index entry"));
        Files.write(content, new byte[0]);
        assertThat(Cache.getBytes(cache, a)).isNull();
        Files.delete(content);
        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("content missing"));

        cache.put(a, Ids.bytes("1234567890"));
        assertThat(Cache.getBytes(cache, a)).isEqualTo(Ids.bytes("1234567890"));
    }

    @Test
    void anExecutableDirectoryWithoutItsProgramIsAMiss() throws IOException {
        ActionId a = Ids.action("lost program");
        OutputId out = cache.putExecutable(a, "prog", Ids.bytes("binary")).outputId();
        Files.delete(Ids.contentPath(root, out).resolve("prog"));

        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("content missing"));
        assertThat(Cache.getBytes(cache, a)).isNull();

        cache.putExecutable(a, "prog", Ids.bytes("binary"));
        assertThat(Cache.getBytes(cache, a)).isEqualTo(Ids.bytes("binary"));
    }

    @Test
    void growsToThousandsOfEntries() throws IOException {
        int n = 2000;
        for (int i = 0; i < n; i++) {
            cache.put(Ids.action("grow " + i), Ids.bytes("output " + i));
        }
        for (int i = 0; i < n; i++) {
            assertThat(Cache.getBytes(cache, Ids.action("grow " + i))).isEqualTo(Ids.bytes("output " + i));
        }
        List<String> dirs = listNames(root);
        dirs.removeAll(List.of(Counters.FILE, Trim.FILE));
        assertThat(dirs).hasSizeBetween(250, 256).allMatch(d -> d.matches("[0-9a-f]{2}"));
        CacheStats stats = CacheStats.of(root);
        assertThat(stats.entries()).isEqualTo(n);
        assertThat(stats.contentFiles()).isEqualTo(n);
    }

    @Test
    void anInstanceIsSafeForManyThreads() throws Exception {
        int threads = 32;
        int perThread = 40;
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // Half the keys are shared by all threads, half are this thread's own.
                        String key = i % 2 == 0 ? "shared " + i : "thread " + id + " " + i;
                        ActionId a = Ids.action(key);
                        byte[] data = Ids.bytes("content of " + key);
                        if (i % 8 == 0) {
                            cache.putExecutable(a, "prog", data);
                        } else {
                            cache.put(a, data);
                        }
                        byte[] got = Cache.getBytes(cache, a);
                        if (!java.util.Arrays.equals(got, data)) {
                            throw new AssertionError(key + ": read back " + (got == null ? "a miss" : new String(got, StandardCharsets.UTF_8)));
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
        cache.close();
        assertThat(Counters.read(root)).containsEntry("hits", (long) threads * perThread).doesNotContainKey("misses");
        assertThat(CacheStats.of(root).entries()).isEqualTo(perThread / 2 + threads * perThread / 2);
    }

    static String pad(long n) {
        String s = Long.toString(n);
        return " ".repeat(20 - s.length()) + s;
    }

    static List<String> listNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }
}
