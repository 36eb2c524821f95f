package dev.jiffy.junit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A module's result as {@code go test} prints a package's: one line {@code ok}, {@code FAIL} or
 * {@code ?} with the module and its time; before it, under {@code -v} every test, and for a
 * failure its message and the stack trace cut at the first frame of JUnit or reflection, with
 * the test JVM's output.
 */
final class TestReport {
    /** The text to print and whether the module passed. */
    record Result(String text, boolean passed) {}

    private TestReport() {}

    static Result of(String module, TestProcess.Outcome outcome, boolean verbose, boolean filtered) {
        StringBuilder b = new StringBuilder();
        TestEvents events = outcome.events();
        for (TestEvents.Event e : events.events()) {
            if (e.kind().equals("start")) {
                if (verbose) {
                    b.append("=== RUN   ").append(e.name()).append('\n');
                }
                continue;
            }
            String time = seconds(Duration.ofMillis(e.millis()));
            switch (e.kind()) {
                case "fail" -> {
                    b.append("--- FAIL: ").append(e.name()).append(" (").append(time).append(")\n");
                    trimmed(e.detail()).forEach(l -> b.append("    ").append(l).append('\n'));
                }
                case "skip" -> {
                    if (verbose) {
                        b.append("--- SKIP: ").append(e.name()).append(" (").append(time).append(")\n");
                    }
                }
                default -> {
                    if (verbose) {
                        b.append("--- PASS: ").append(e.name()).append(" (").append(time).append(")\n");
                    }
                }
            }
        }
        long ran = events.count("pass") + events.count("fail");
        boolean failed = events.count("fail") > 0;
        String problem = null;
        if (outcome.timedOut()) {
            String running = events.running();
            problem = "the test JVM ran out of time" + (running == null ? "" : " in " + running) + " and was killed";
        } else if (!events.finished()) {
            String running = events.running();
            problem = "the test JVM exited with status " + outcome.exit() + (running == null ? "" : " in " + running)
                    + " (a crash, or System.exit)";
        } else if (ran == 0 && !filtered && events.count("skip") == 0) {
            problem = "no tests found (surefire's includes: Test*, *Test, *Tests, *TestCase)";
        }
        boolean passed = !failed && problem == null;
        if ((!passed || verbose) && !outcome.output().isEmpty()) {
            b.append(outcome.output());
            if (!outcome.output().endsWith("\n")) {
                b.append('\n');
            }
        }
        if (problem != null) {
            b.append(module).append(": ").append(problem).append('\n');
        }
        b.append(passed ? "ok  " : "FAIL").append('\t').append(module).append('\t').append(seconds(outcome.elapsed()));
        if (passed && ran == 0) {
            b.append(" [no tests to run]");
        }
        return new Result(b.append('\n').toString(), passed);
    }

    /**
     * The message and the test's own frames: those of the assertion library before them are
     * dropped, and the trace ends at the first frame of JUnit, reflection or the JDK's internals
     * after them. A cause keeps its first line.
     */
    static List<String> trimmed(String trace) {
        List<String> lines = trace.lines().map(String::strip).toList();
        List<String> kept = new java.util.ArrayList<>();
        boolean own = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0 || l.startsWith("Caused by:")) {
                kept.add(l);
                own = false;
                continue;
            }
            if (!l.startsWith("at ")) {
                continue;
            }
            boolean framework = l.startsWith("at org.junit.") || l.startsWith("at org.opentest4j.")
                    || l.startsWith("at org.assertj.") || l.startsWith("at java.base/");
            if (!framework) {
                own = true;
                kept.add(l);
            } else if (own) {
                own = false;
                // the rest of this trace is how the test was called
                while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("Caused by:")) {
                    i++;
                }
            }
        }
        return kept;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3fs", d.toNanos() / 1e9);
    }
}
