package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.output;
import static dev.jiffy.cli.Reliability.program;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Races: many jiffy processes run the same and different programs in loops, cold and cached,
 * through the run file and through jiffy's JVM, while forced trims with a 1 KiB cap and
 * {@code clean -cache} remove what they can: every program prints its own output and exits
 * with its own status.
 */
@Tag(Reliability.TAG)
class ReliabilityRaceIT {
    private static final int WORKERS = 8;
    
    /** A program of the race: where it is, what it is called, how many files, its own exit status. */
    private record Program(String target, String name, int files, int exit) {}

    /** One finished command, with when it started and ended, for the report. */
    private record Outcome(String who, long startNanos, long endNanos, Result result, String expectedOut, int expectedExit) {
        boolean right() {
            return result.out().equals(expectedOut) && result.exit() == expectedExit;
        }
    }

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();
    final List<Program> programs = List.of(new Program("alpha", "alpha", 3, 21), new Program("beta", "beta", 4, 22),
            new Program("gamma/Main.java", "gamma", 1, 23), new Program("delta", "delta", 2, 24));

    /**
     * The launcher execs the program's JVM on the executable's path in the cache; a clean -cache
     * that removes the executable after jiffy found it and before that JVM has opened it (its
     * start-up, tens of milliseconds) leaves the JVM nothing to load. This is the one failure a
     * clean may cause (SECURITY.md, "Not guaranteed"); it is never another program's output. A
     * trim leaves executables that may be starting, so it causes none.
     */
    private static boolean lostItsExecutableWhileStarting(Outcome o) {
        Result r = o.result();
        // Started with its class-data archive, the JVM misses the executable when it checks the archive's class path.
        boolean withArchive = r.out().equals("Error occurred during initialization of VM\nUnable to use shared archive.\n")
                && r.err().startsWith("An error has occurred while processing the shared archive file.\nUnable to open file ");
        return r.exit() == 1 && (withArchive || r.out().isEmpty()
                && r.err().equals("Error: Could not find or load main class app.Main\n"
                        + "Caused by: java.lang.ClassNotFoundException: app.Main\n"));
    }

    /** A run that lost its executable while a clean -cache ran. */
    private static boolean lostItToAClean(Outcome run, List<Outcome> chores) {
        return lostItsExecutableWhileStarting(run) && chores.stream().anyMatch(c -> c.who().equals("clean -cache")
                && c.startNanos() < run.endNanos() && run.startNanos() < c.endNanos());
    }

    @Test
    void programsRunRightWhileTrimAndCleanRemoveTheCache() throws Exception {
        for (Program p : programs) {
            program(work.resolve(p.target().replace("/Main.java", "")), p.name(), p.files(), p.exit());
        }

        // First, nothing removes what the runs need: cold builds of one program in several
        // processes at once, hits, rebuilds and trims that find nothing to remove. All right.
        Race calm = race(2, jiffy.with("JIFFY_CACHE_MAX", null), false);
        assertThat(calm.wrong()).as(calm.summary()).isEmpty();

        // Then trims with a 1 KiB cap and a trim age of one second remove all they may, over and
        // over: they leave the executables that may be starting, so every run is still right.
        Race trims = race(3, jiffy.with("JIFFY_CACHE_MAX", "1K").with("JIFFY_TRIM_AGE", "1s"), false);
        assertThat(trims.wrong()).as(trims.summary()).isEmpty();
        assertThat(trims.choresWrong()).as(trims.summary()).isEmpty();
        assertThat(trims.trimmed()).as(trims.summary()).isPositive();
        System.out.println("ReliabilityRaceIT, trims: " + trims.summary());

        // Then clean -cache removes everything every 1.5 s as well.
        Race storm = race(4, jiffy.with("JIFFY_CACHE_MAX", "1K"), true);
        List<String> wrong = storm.runs().stream().filter(o -> !o.right() && !lostItToAClean(o, storm.chores()))
                .map(o -> o.who() + ": " + o.result()).toList();
        assertThat(wrong).as(storm.summary()).isEmpty();
        assertThat(storm.choresWrong()).as(storm.summary()).isEmpty();
        assertThat(storm.trimmed()).as(storm.summary()).isPositive();
        assertThat(storm.cleans()).as(storm.summary()).isPositive();
        System.out.println("ReliabilityRaceIT, trims and cleans: " + storm.summary());

        // Afterwards every program runs right again from what is left, and the cache is sound.
        for (Program p : programs) {
            Result r = jiffy.run("run", p.target(), "after");
            Reliability.assertRan(r, output(p.name(), p.files(), "after"), p.exit());
        }
        Reliability.assertVerifiesClean(jiffy);
    }

    /** What one race did. */
    private record Race(List<Outcome> runs, List<Outcome> chores, long trimmed, int cleans) {
        List<String> wrong() {
            return runs.stream().filter(o -> !o.right()).map(o -> o.who() + ": " + o.result()).toList();
        }

        List<String> choresWrong() {
            return chores.stream().filter(o -> !o.right()).map(o -> o.who() + ": " + o.result()).toList();
        }

        String summary() {
            long lost = runs.stream().filter(o -> lostItToAClean(o, chores)).count();
            return runs.size() + " runs (" + lost + " lost their executable to a clean while starting), " + chores.size()
                    + " trims and cleans, " + trimmed + " entries trimmed, " + cleans + " cleans";
        }
    }

    /**
     * {@value #WORKERS} processes at once, each running one program {@code runs} times (every
     * third run with -a); workers w and w+4 share a program. Meanwhile forced trims run back to
     * back with {@code trimmer}'s settings, and with {@code clean} a clean -cache every 1.5 s.
     */
    private Race race(int runs, Jiffy trimmer, boolean clean) throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> chores = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger cleans = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong trimmed = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                Program p = programs.get(w % programs.size());
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < runs; i++) {
                        String arg = "w" + worker + "r" + i;
                        List<String> args = new ArrayList<>(List.of("run"));
                        if (i % 3 == 2) {
                            args.add("-a");
                        }
                        args.add(p.target());
                        args.add(arg);
                        long start = System.nanoTime();
                        Result r = jiffy.run(args.toArray(String[]::new));
                        outcomes.add(new Outcome(String.join(" ", args), start, System.nanoTime(), r,
                                output(p.name(), p.files(), arg), p.exit()));
                    }
                    return null;
                }));
            }
            Future<?> trims = pool.submit(() -> {
                while (racing.get()) {
                    long start = System.nanoTime();
                    Result r = trimmer.run("cache", "trim");
                    chores.add(new Outcome("cache trim", start, System.nanoTime(), r, r.out(), 0));
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^trimmed ([0-9]+) ").matcher(r.out());
                    if (m.find()) {
                        trimmed.addAndGet(Long.parseLong(m.group(1)));
                    }
                }
                return null;
            });
            Future<?> cleaner = pool.submit(() -> {
                while (clean && racing.get()) {
                    Thread.sleep(1500);
                    long start = System.nanoTime();
                    Result r = jiffy.run("clean", "-cache");
                    chores.add(new Outcome("clean -cache", start, System.nanoTime(), r, "", 0));
                    cleans.incrementAndGet();
                }
                return null;
            });
            for (Future<?> f : workers) {
                f.get();
            }
            racing.set(false);
            trims.get();
            cleaner.get();
        } finally {
            racing.set(false);
            pool.shutdownNow();
        }
        assertThat(outcomes).hasSize(WORKERS * runs);
        return new Race(List.copyOf(outcomes), List.copyOf(chores), trimmed.get(), cleans.get());
    }
}
