package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;
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
 * Puts of new content, each a new action and new bytes, so every put writes its files: hashing,
 * temporary file, size check, rename, then the same for the index entry. Each iteration starts
 * from an empty cache, so that disk use stays bounded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PutBenchmark {
    private Path dir;
    private DiskCache cache;
    private final byte[] small = new byte[1024];
    private final byte[] executable = new byte[5 << 20];
    private long counter;
    private final CpuTime cpu = new CpuTime();
    private String benchmark;
    private double unitNanos;
    private String unit;

    @Setup(Level.Trial)
    public void content() {
        SplittableRandom random = new SplittableRandom(2);
        random.nextBytes(small);
        random.nextBytes(executable);
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("jiffy-bench-put");
        cache = DiskCache.open(dir.resolve("cache"), Clock.systemUTC(), false);
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void remove() throws IOException {
        cpu.print(benchmark, unitNanos, unit);
        cache.close();
        Entries.remove(dir);
    }

    /** A new 1 KB output: a class file, say. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Lookup.Hit putSmall() throws IOException {
        count("putSmall", 1e3, "us");
        return cache.put(nextAction(), stamp(small));
    }

    /** A new 5 MB executable, stored under its program name with mode 0777 before umask. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Lookup.Hit putExecutable5MB() throws IOException {
        count("putExecutable5MB", 1e6, "ms");
        return cache.putExecutable(nextAction(), "app", stamp(executable));
    }

    private void count(String name, double nanos, String u) {
        benchmark = name;
        unitNanos = nanos;
        unit = u;
        cpu.op();
    }

    private ActionId nextAction() {
        return new ActionId(String.format("%064x", ++counter));
    }

    /** Makes the bytes new, so that the content is written, not found. */
    private byte[] stamp(byte[] content) {
        long c = counter;
        for (int i = 0; i < 8; i++) {
            content[i] = (byte) (c >>> (8 * i));
        }
        return content;
    }
}
