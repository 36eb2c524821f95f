package dev.jiffy.junit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the test JVM {@code jiffy test} starts: it runs the tests of one module on
 * the JUnit Platform, the classes surefire would include by default, and writes one event per
 * line to a file ({@link TestEvents} reads them), so the tests' own output keeps stdout and
 * stderr. It uses only the JDK and the platform's launcher API, which the project's own JUnit
 * brings: none of jiffy's other classes or dependencies are on the test class path.
 *
 * <p>Arguments: the events file, the test classes (a directory or zip), then {@code -run REGEX}
 * and {@code -failfast}, each optional.
 */
public final class PlatformRunner {
    /** surefire's default includes, as class names: Test*, *Test, *Tests, *TestCase; no nested class. */
    static final String INCLUDES = "^(.*\\.)?(Test[^.$]*|[^.$]*Test|[^.$]*Tests|[^.$]*TestCase)$";

    private PlatformRunner() {}

    public static void main(String[] args) throws IOException {
        Path events = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Pattern run = null;
        boolean failFast = false;
        java.util.List<String> includes = new java.util.ArrayList<>();
        java.util.List<String> excludes = new java.util.ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "-run" -> run = Pattern.compile(args[++i]);
                case "-failfast" -> failFast = true;
                case "-include" -> includes.add(args[++i]);
                case "-exclude" -> excludes.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(classes)))
                .filters(includes.isEmpty() && excludes.isEmpty()
                        ? org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns(INCLUDES)
                        : classes(includes.isEmpty() ? java.util.List.of(INCLUDES) : includes, excludes));
        if (run != null) {
            request.filters(named(run));
        }
        LauncherDiscoveryRequest discovery = request.build();
        try (Writer out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            Launcher launcher = LauncherFactory.create();
            Events listener = new Events(out, failFast);
            launcher.execute(discovery, listener);
            out.write("end\n");
        }
        System.exit(0);
    }

    /**
     * surefire's includes and excludes over class names; a pattern {@code %path:REGEX} matches
     * the class file's path ({@code a/b/MyTest.class}), as surefire's {@code %regex[...]} does.
     * The platform applies such a filter to tests, not to their classes, so each test is judged
     * by its outermost class: a {@code @Nested} class goes with the class it is in, and a nested
     * class found on its own is not included, as surefire's default excludes have it.
     */
    private static PostDiscoveryFilter classes(java.util.List<String> includes, java.util.List<String> excludes) {
        java.util.function.Predicate<String> included = matcher(includes);
        java.util.function.Predicate<String> excluded = excludes.isEmpty() ? n -> false : matcher(excludes);
        return descriptor -> {
            String outer = null;
            for (org.junit.platform.engine.TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
                if (d.getSource().isPresent()
                        && d.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource c) {
                    outer = c.getClassName();
                }
            }
            if (outer == null) {
                return FilterResult.included("in no class");
            }
            boolean keep = !outer.contains("$") && included.test(outer) && !excluded.test(outer);
            return keep ? FilterResult.included("surefire's includes") : FilterResult.excluded("surefire's includes");
        };
    }

    private static java.util.function.Predicate<String> matcher(java.util.List<String> patterns) {
        java.util.List<Pattern> names = new java.util.ArrayList<>();
        java.util.List<Pattern> paths = new java.util.ArrayList<>();
        for (String p : patterns) {
            if (p.startsWith("%path:")) {
                paths.add(Pattern.compile(p.substring("%path:".length())));
            } else {
                names.add(Pattern.compile(p));
            }
        }
        return name -> names.stream().anyMatch(n -> n.matcher(name).matches())
                || paths.stream().anyMatch(p -> p.matcher(name.replace('.', '/') + ".class").matches());
    }

    /**
     * {@code -run}: a test whose {@code Class#method} (simple or full class name) the pattern
     * finds. It is judged where its method is known: a parameterized, repeated or factory test is
     * a container until it runs, and its invocations go with it.
     */
    private static PostDiscoveryFilter named(Pattern run) {
        return descriptor -> {
            Optional<org.junit.platform.engine.TestSource> source = descriptor.getSource();
            if (source.isEmpty() || !(source.get() instanceof MethodSource m)) {
                return descriptor.isTest() ? matches(run, className(descriptor), descriptor.getDisplayName())
                        : FilterResult.included("not a test method");
            }
            return matches(run, m.getClassName(), m.getMethodName());
        };
    }

    private static FilterResult matches(Pattern run, String className, String method) {
        if (className == null) {
            return FilterResult.included("in no class");
        }
        String simple = className.substring(className.lastIndexOf('.') + 1) + "#" + method;
        boolean found = run.matcher(simple).find() || run.matcher(className + "#" + method).find();
        return found ? FilterResult.included("-run") : FilterResult.excluded("-run");
    }

    /** The class a descriptor is in, from its own source or its nearest parent's; null if none. */
    static String className(org.junit.platform.engine.TestDescriptor descriptor) {
        for (org.junit.platform.engine.TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
            if (d.getSource().isPresent()) {
                if (d.getSource().get() instanceof MethodSource m) {
                    return m.getClassName();
                }
                if (d.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource c) {
                    return c.getClassName();
                }
            }
        }
        return null;
    }

    /** Writes each test's start and end, and with -failfast stops the JVM at the first failure. */
    private static final class Events implements TestExecutionListener {
        private final Writer out;
        private final boolean failFast;
        private final java.util.Map<String, Long> started = new java.util.HashMap<>();

        Events(Writer out, boolean failFast) {
            this.out = out;
            this.failFast = failFast;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                started.put(id.getUniqueId(), System.nanoTime());
                write("start", id, "", "");
            }
        }

        /** A skipped test, or a skipped container (a disabled class or parameterized test), counts once. */
        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest() || id.getSource().isPresent()) {
                write("skip", id, "0", reason == null ? "" : reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Throwable t = result.getThrowable().orElse(null);
            if (!id.isTest() && t == null) {
                return;
            }
            Long start = started.remove(id.getUniqueId());
            long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            String status = switch (result.getStatus()) {
                case SUCCESSFUL -> "pass";
                case ABORTED -> "skip";
                case FAILED -> "fail";
            };
            String detail = "";
            if (t != null) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                detail = trace.toString();
            }
            write(status, id, Long.toString(millis), detail);
            if (failFast && result.getStatus() == TestExecutionResult.Status.FAILED) {
                try {
                    out.write("end\n");
                    out.flush();
                } catch (IOException e) {
                    // the run stops either way
                }
                Runtime.getRuntime().halt(1);
            }
        }

        private final java.util.Map<String, String> classes = new java.util.HashMap<>();

        @Override
        public void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan plan) {
            // A test without a method source (a JUnit 4 overload, a dynamic test) is named by its class.
            for (TestIdentifier root : plan.getRoots()) {
                remember(plan, root, null);
            }
        }

        private void remember(org.junit.platform.launcher.TestPlan plan, TestIdentifier id, String outer) {
            String cls = outer;
            if (id.getSource().isPresent() && id.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource c) {
                cls = c.getClassName();
            }
            if (cls != null) {
                classes.put(id.getUniqueId(), cls);
            }
            for (TestIdentifier child : plan.getChildren(id)) {
                remember(plan, child, cls);
            }
        }

        /**
         * {@code Class#method}, by the simple class name; an invocation of a parameterized or
         * repeated test adds its display name, as go test names a subtest.
         */
        private String name(TestIdentifier id) {
            if (id.getSource().isPresent() && id.getSource().get() instanceof MethodSource m) {
                String cls = m.getClassName();
                String name = cls.substring(cls.lastIndexOf('.') + 1) + "#" + m.getMethodName();
                return id.isTest() && id.getDisplayName().startsWith("[") ? name + "/" + id.getDisplayName() : name;
            }
            if (id.getSource().isPresent() && id.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource c) {
                return c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1);
            }
            String cls = classes.get(id.getUniqueId());
            return cls == null ? id.getDisplayName() : cls.substring(cls.lastIndexOf('.') + 1) + "#" + id.getDisplayName();
        }

        /** One event: its kind, the test's name, its class's binary name, its time and detail. */
        private void write(String kind, TestIdentifier id, String millis, String detail) {
            String cls = id.getSource().isPresent() && id.getSource().get() instanceof MethodSource m ? m.getClassName()
                    : classes.getOrDefault(id.getUniqueId(), "");
            try {
                out.write(kind + "\t" + escape(name(id)) + "\t" + escape(cls) + "\t" + millis + "\t" + escape(detail) + "\n");
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static String escape(String s) {
            return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
        }
    }
}
