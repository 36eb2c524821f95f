package dev.jiffy.junit;

import dev.jiffy.work.TestClassPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The test step of one module: its tests run in a child JVM, and the result printed as
 * {@code go test} prints a package's.
 */
public final class ModuleTest {
    /**
     * What to run.
     *
     * @param run     {@code -run}'s pattern, or null for all tests
     * @param timeout when the test JVM is killed, or null for never
     */
    public record Options(boolean verbose, String run, boolean failFast, Duration timeout, List<String> jvmOptions) {}

    /** The text to print, and whether the module passed. */
    public record Outcome(String text, boolean passed) {}

    private ModuleTest() {}

    /** Runs the tests of {@code tests} with jiffy's classes at {@code runner}; {@code temp} is the run's scratch directory. */
    public static Outcome run(TestClassPath tests, Options options, Path runner, Map<String, String> env, Path temp)
            throws IOException, InterruptedException {
        if (tests.testClasses() == null) {
            return new Outcome("?   \t" + tests.coordinates() + "\t[no test files]\n", true);
        }
        TestProcess.Outcome outcome = TestProcess.run(tests, runner, options.jvmOptions(), env, options.run(),
                options.failFast(), options.timeout(), temp);
        TestReport.Result result = TestReport.of(tests.coordinates(), outcome, options.verbose(), options.run() != null);
        return new Outcome(result.text(), result.passed());
    }
}
