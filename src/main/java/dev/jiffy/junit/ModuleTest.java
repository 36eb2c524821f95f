package dev.jiffy.junit;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.work.BuildReporter;
import dev.jiffy.work.TestClassPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test step of one module: its tests run in a child JVM and the result printed as
 * {@code go test} prints a package's, or a passing result replayed from the cache when nothing
 * it read has changed ({@link TestResults}).
 */
public final class ModuleTest {
    /**
     * What to run.
     *
     * @param run     {@code -run}'s pattern, or null for all tests
     * @param timeout when the test JVM is killed, or null for never
     * @param junitXml where surefire-format reports go, or null; a cached result has none, so
     *                 with it the tests always run
     */
    public record Options(boolean verbose, String run, boolean failFast, Duration timeout, List<String> jvmOptions,
            Path junitXml) {}

    /**
     * The text to print, and whether the module passed.
     *
     * @param replay what a later run prints while nothing changes, or null when the result is not cached
     * @param read   the files the cached result depends on beside the module's own and its class path
     */
    public record Outcome(String text, boolean passed, String replay, List<Path> read) {
        public Outcome(String text, boolean passed) {
            this(text, passed, null, List.of());
        }
    }

    private ModuleTest() {}

    /**
     * Runs the tests of {@code tests} with jiffy's classes at {@code runner}, or replays a cached
     * passing result; {@code temp} is the run's scratch directory.
     *
     * @param cacheRoot the cache's directory, or null for a temporary cache
     * @param fresh     {@code -count=1}: run even if a result is cached
     * @param ignored   directories whose files a run may read without their being its inputs:
     *                  the JDK, the cache, the scratch directory, the local repository
     */
    public static Outcome run(TestClassPath tests, Options options, Path runner, Map<String, String> env, Cache cache,
            Path cacheRoot, boolean fresh, List<Path> ignored, Clock clock, BuildReporter reporter, Path temp)
            throws IOException, InterruptedException {
        if (tests.testClasses() == null) {
            String none = "?   \t" + tests.coordinates() + "\t[no test files]\n";
            return new Outcome(none, true, none, List.of());
        }
        // surefire's configuration first, then what the command line adds.
        Map<String, String> testEnv = new java.util.HashMap<>(env);
        testEnv.putAll(tests.surefire().environment());
        List<String> jvm = new ArrayList<>(tests.surefire().jvmOptions());
        jvm.addAll(options.jvmOptions());
        Options effective = new Options(options.verbose(), options.run(), options.failFast(), options.timeout(),
                List.copyOf(jvm), options.junitXml());
        TestResults results = new TestResults(cache, cacheRoot, clock);
        ActionId id = TestResults.key(tests, effective, testEnv);
        if (!fresh && options.junitXml() == null) {
            TestResults.Cached cached = results.find(id);
            if (cached != null) {
                reporter.trace("action test " + id + ": hit");
                cache.count("test-hits", 1);
                String replay = replayed(cached.output());
                return new Outcome(replay, true, replay, cached.inputs().files());
            }
            reporter.trace("action test " + id + ": miss");
        }
        List<String> jvmOptions = new ArrayList<>(effective.jvmOptions());
        jvmOptions.addAll(FileReads.jvmOptions(temp));
        java.time.Instant started = clock.instant();
        TestProcess.Outcome outcome = TestProcess.run(tests, runner, jvmOptions, testEnv, effective.run(),
                effective.failFast(), effective.timeout(), temp, reporter);
        TestReport.Result result = TestReport.of(tests.coordinates(), outcome, effective.verbose(), effective.run() != null);
        if (options.junitXml() != null) {
            JunitXml.write(options.junitXml(), outcome);
        }
        cache.count("test-runs", 1);
        TestInputs stored = null;
        if (result.passed()) {
            Set<Path> read = FileReads.read(temp);
            List<Path> skip = new ArrayList<>(ignored);
            skip.add(temp);
            skip.addAll(tests.classpath());
            TestInputs inputs = read == null ? null : TestInputs.of(read, tests.tree(), skip);
            if (inputs == null) {
                reporter.step("test result not cached: the test JVM left no record of what it read");
            } else if (results.store(id, inputs, result.text(), started)) {
                stored = inputs;
            } else {
                reporter.step("test result not cached: a file it read changed within 2 seconds of the tests starting, or since");
            }
        }
        if (!result.passed() && !tests.generators().isEmpty()) {
            return new Outcome(result.text() + tests.coordinates() + ": its build runs " + String.join(", ", tests.generators())
                    + ", which may make sources or test files; jiffy runs no Maven plugin but the compiler and resources ones\n",
                    false);
        }
        return stored == null || options.junitXml() != null ? new Outcome(result.text(), result.passed())
                : new Outcome(result.text(), true, replayed(result.text()), stored.files());
    }

    /** A cached output as first printed, its last line's time replaced by {@code (cached)}, as go test does. */
    static String replayed(String output) {
        String body = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        int last = body.lastIndexOf('\n') + 1;
        String line = body.substring(last);
        String[] fields = line.split("\t", -1);
        if (fields.length == 3) {
            String rest = fields[2].contains(" [") ? fields[2].substring(fields[2].indexOf(" [")) : "";
            line = fields[0] + "\t" + fields[1] + "\t(cached)" + rest;
        }
        return body.substring(0, last) + line + "\n";
    }
}
