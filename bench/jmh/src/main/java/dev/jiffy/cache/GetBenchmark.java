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
 * A hit: the lookup a cached run makes for every action. The entries were used a moment ago, so
 * markUsed writes nothing, as on a normal hit. The goal is 20 µs or less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GetBenchmark {
    static final int ENTRIES = 1024;

    private Path dir;
    private DiskCache cache;
    private final ActionId[] actions = new ActionId[ENTRIES];
    private int next;
    private final CpuTime cpu = new CpuTime();
    private String benchmark;

    @Setup
    public void fill() throws IOException {
        dir = Files.createTempDirectory("jiffy-bench-get");
        cache = DiskCache.open(dir.resolve("cache"), Clock.systemUTC(), false);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ENTRIES; i++) {
            byte[] content = new byte[1024];
            random.nextBytes(content);
            actions[i] = new ActionId(Sha256.of(("get " + i).getBytes()));
            cache.put(actions[i], content);
        }
    }

    @Setup(Level.Iteration)
    public void startCpu() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.print(benchmark, 1e3, "us");
    }

    @TearDown
    public void remove() throws IOException {
        cache.close();
        Entries.remove(dir);
    }

    /** The index entry read and parsed, the content's size checked, mtimes looked at. */
    @Benchmark
    public Lookup getHit() throws IOException {
        benchmark = "getHit";
        cpu.op();
        Lookup hit = cache.get(actions[next++ & (ENTRIES - 1)]);
        if (!(hit instanceof Lookup.Hit)) {
            throw new IllegalStateException("expected a hit: " + hit);
        }
        return hit;
    }

    /** A hit and then its 1 KB of content read. */
    @Benchmark
    public byte[] getHitAndRead() throws IOException {
        benchmark = "getHitAndRead";
        cpu.op();
        return Cache.getBytes(cache, actions[next++ & (ENTRIES - 1)]);
    }
}
