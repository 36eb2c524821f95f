package dev.jiffy.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code jiffy test}'s flags, as {@code go test} has them: the build flags, then {@code -v},
 * {@code -run REGEX}, {@code -count=1} (never a cached result), {@code -failfast} and
 * {@code -timeout D}, {@code -json} (go test's events) and {@code -junitxml DIR} (surefire's reports); then the targets
 * (modules; {@code .} when none is given).
 */
record TestFlags(BuildFlags build, boolean verbose, String run, boolean fresh, boolean failFast, Duration timeout,
        String junitXml, boolean json, List<String> targets) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    static TestFlags parse(List<String> args) throws UsageException {
        boolean rebuild = false, dryRun = false, trace = false, quiet = false, offline = false;
        boolean verbose = false, fresh = false, failFast = false, json = false;
        String javaHome = null, run = null, junitXml = null;
        Duration timeout = DEFAULT_TIMEOUT;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                targets.add(a);
                continue;
            }
            switch (a) {
                case "-a" -> rebuild = true;
                case "-n" -> dryRun = true;
                case "-x" -> trace = true;
                case "-q" -> quiet = true;
                case "-offline" -> offline = true;
                case "-v" -> verbose = true;
                case "-failfast" -> failFast = true;
                case "-count=1" -> fresh = true;
                case "-json" -> json = true;
                case "-java" -> javaHome = value(args, ++i, a);
                case "-run" -> run = pattern(value(args, ++i, a));
                case "-timeout" -> timeout = duration(value(args, ++i, a));
                case "-junitxml" -> junitXml = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-run=")) {
                        run = pattern(a.substring("-run=".length()));
                    } else if (a.startsWith("-timeout=")) {
                        timeout = duration(a.substring("-timeout=".length()));
                    } else if (a.startsWith("-count=")) {
                        throw new UsageException("test: -count takes 1 (run the tests even if a result is cached), not "
                                + a.substring("-count=".length()));
                    } else {
                        throw new UsageException("test: unknown flag " + a);
                    }
                }
            }
        }
        if (targets.isEmpty()) {
            targets.add(".");
        }
        BuildFlags build = new BuildFlags(rebuild, dryRun, trace, false, quiet, offline, javaHome, null, null, Map.of(),
                List.of(), null, targets.get(0), List.of(), args.size());
        // As go test's, -json is the -v output as events.
        return new TestFlags(build, verbose || json, run, fresh, failFast, timeout.isZero() ? null : timeout, junitXml, json,
                List.copyOf(targets));
    }

    private static String value(List<String> args, int i, String flag) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException("test: flag " + flag + " needs a value");
        }
        return args.get(i);
    }

    private static String pattern(String regex) throws UsageException {
        try {
            Pattern.compile(regex);
            return regex;
        } catch (PatternSyntaxException e) {
            throw new UsageException("test: -run " + regex + ": not a regular expression (" + e.getDescription() + ")");
        }
    }

    /** A Go duration: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}; {@code 0} is none. */
    static Duration duration(String text) throws UsageException {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        java.util.regex.Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new UsageException("test: -timeout " + text + ": not a duration (such as 90s, 10m or 1h30m)");
        }
        return total;
    }
}
