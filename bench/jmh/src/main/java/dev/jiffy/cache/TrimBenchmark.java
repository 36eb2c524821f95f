package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A forced trim of a cache of 100,000 entries (an index file and a 100-byte content file each,
 * 200,000 files over the 256 subdirectories). The goal is 2 s or less.
 *
 * <p>{@code trimRemovingAll}: every entry was last used 30 days before the trim's clock, so the
 * trim lists, stats and deletes all 200,000 files; each iteration gets a new cache.
 * {@code trimScanningAll}: every entry is fresh, so the trim lists and stats them all and deletes
 * none, the cost of a trim that finds nothing to do; one cache serves every iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class TrimBenchmark {
    static final int ENTRIES = 100_000;
    static final Duration MAX_AGE = Duration.ofDays(5);

    /** A cache of 100,000 entries written just now. */
    abstract static class Filled {
        Path dir;
        Path root;

        void fill() throws IOException {
            dir = Files.createTempDirectory("jiffy-bench-trim");
            root = dir.resolve("cache");
            CacheDirectory.prepare(root);
            for (int i = 0; i < 256; i++) {
                Files.createDirectory(root.resolve(String.format("%02x", i)));
            }
            long now = DiskCache.nanos(Instant.now());
            for (int i = 0; i < ENTRIES; i++) {
                byte[] content = new byte[100];
                for (int b = 0; b < 4; b++) {
                    content[b] = (byte) (i >>> (8 * b));
                }
                ActionId action = new ActionId(Sha256.of(("trim " + i).getBytes()));
                OutputId output = OutputId.of(content);
                Files.write(path(action.hex(), "-a"), new IndexEntry(action, output, content.length, now).encode());
                Files.write(path(output.hex(), "-d"), content);
            }
        }

        private Path path(String hex, String suffix) {
            return root.resolve(hex.substring(0, 2)).resolve(hex + suffix);
        }

        void remove() throws IOException {
            Entries.remove(dir);
        }
    }

    @State(Scope.Thread)
    public static class Old extends Filled {
        @Setup(Level.Iteration)
        public void setUp() throws IOException {
            fill();
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws IOException {
            remove();
        }
    }

    @State(Scope.Thread)
    public static class Fresh extends Filled {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            fill();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            remove();
        }
    }

    /** No warm-up: the loop over 200,000 files warms itself, and each iteration costs a new cache. */
    @Benchmark
    @Warmup(iterations = 0)
    public Trim.Result trimRemovingAll(Old cache) throws IOException {
        Clock monthLater = Clock.fixed(Instant.now().plus(Duration.ofDays(30)), ZoneOffset.UTC);
        CpuTime cpu = new CpuTime();
        cpu.start();
        cpu.op();
        Trim.Result r = new Trim(cache.root, monthLater, MAX_AGE, Long.MAX_VALUE).run(true);
        cpu.print("trimRemovingAll", 1e6, "ms");
        if (r.removed() != 2 * ENTRIES || r.kept() != 0) {
            throw new IllegalStateException("expected every file removed: " + r);
        }
        return r;
    }

    @Benchmark
    public Trim.Result trimScanningAll(Fresh cache) throws IOException {
        CpuTime cpu = new CpuTime();
        cpu.start();
        cpu.op();
        Trim.Result r = new Trim(cache.root, Clock.systemUTC(), MAX_AGE, Long.MAX_VALUE).run(true);
        cpu.print("trimScanningAll", 1e6, "ms");
        if (r.removed() != 0 || r.kept() != 2 * ENTRIES) {
            throw new IllegalStateException("expected every file kept: " + r);
        }
        return r;
    }
}
