package dev.jiffy.junit;

import dev.jiffy.work.BuildReporter;
import dev.jiffy.work.ShellQuote;
import dev.jiffy.work.TestClassPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One module's tests in a child JVM of the JDK that built them, in the module's directory (as
 * surefire runs them): {@link PlatformRunner} on the test class path, its output kept to be
 * shown when a test fails or under {@code -v}.
 */
final class TestProcess {
    /** What a run gave: its events, the JVM's output and exit status, whether it ran out of time, its wall time. */
    record Outcome(TestEvents events, String output, int exit, boolean timedOut, Duration elapsed) {}

    private TestProcess() {}

    /**
     * @param runner    where {@link PlatformRunner} is loaded from: jiffy's own classes
     * @param jvmOptions options of the test JVM ({@code -D}, surefire's argLine)
     * @param timeout   the test JVM is killed after this long, or never when null
     */
    static Outcome run(TestClassPath tests, Path runner, List<String> jvmOptions, Map<String, String> env, String run,
            boolean failFast, Duration timeout, Path temp, BuildReporter reporter) throws IOException, InterruptedException {
        Path events = temp.resolve("events");
        // JUnit scans a class-path root that is a directory or a file named .jar; the cache names its files by ID.
        Path testJar = java.nio.file.Files.createSymbolicLink(temp.resolve("test-classes.jar"), tests.testClasses());
        List<String> command = new ArrayList<>();
        command.add(tests.jdk().javaBinary().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        List<String> cp = new ArrayList<>();
        cp.add(runner.toString());
        tests.classpath().forEach(p -> cp.add(p.toString()));
        command.add(String.join(java.io.File.pathSeparator, cp));
        command.add(PlatformRunner.class.getName());
        command.add(events.toString());
        command.add(testJar.toString());
        if (run != null) {
            command.add("-run");
            command.add(run);
        }
        if (failFast) {
            command.add("-failfast");
        }
        for (String include : tests.surefire().includes()) {
            command.add("-include");
            command.add(include);
        }
        for (String exclude : tests.surefire().excludes()) {
            command.add("-exclude");
            command.add(exclude);
        }
        // -x shows the test JVM as go test -x shows the test binary's command.
        reporter.step("cd " + ShellQuote.quote(tests.directory().toString()) + " && " + ShellQuote.join(command));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tests.directory().toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getInputStream(), output), "test output");
        drain.start();
        boolean timedOut = false;
        try {
            if (timeout == null) {
                p.waitFor();
            } else if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            // jiffy is stopping (another JDK is wanted, or it was interrupted): no test JVM outlives it.
            p.destroyForcibly();
            throw e;
        }
        drain.join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(TestEvents.read(events), output.toString(java.nio.charset.StandardCharsets.UTF_8), p.exitValue(),
                timedOut, elapsed);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone; what it wrote so far is kept
        }
    }
}
