package dev.jiffy.junit;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.Sha256;
import dev.jiffy.cache.UnixNanos;
import dev.jiffy.work.ActionKey;
import dev.jiffy.work.TestClassPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Passing test results, cached as {@code go test} caches them, in two steps: the test action's
 * ID (the class path's content, the JDK, the flags that change the result, the JVM's options,
 * the directory and the environment) holds the log of what the run read ({@link TestInputs});
 * the log's present state, hashed with that ID, names the stored output. A result is reused
 * only when nothing it read has changed, only passing results are kept, and a run that read a
 * file modified within the last two seconds is not kept at all. {@code jiffy clean -testcache}
 * writes {@link #EXPIRE}: results stored before it are not reused.
 */
public final class TestResults {
    /** In the cache directory: the time, in Unix nanoseconds, before which results are forgotten. */
    public static final String EXPIRE = "testexpire.txt";
    static final Duration RACY = Duration.ofSeconds(2);
    /**
     * Variables that change from shell to shell, login to login or run to run (hyperfine sets one
     * at random) without meaning anything to a test. Every other variable is part of the key: the
     * test JVM cannot say which ones its tests read.
     */
    static final Set<String> VOLATILE = Set.of("_", "OLDPWD", "SHLVL", "JIFFY_HANDOFF", "JIFFY_STDERR_TTY", "JIFFY_TEST_ENV",
            "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY", "SSH_AUTH_SOCK",
            "TERM_SESSION_ID", "WINDOWID", "XDG_SESSION_ID", "TMUX_PANE", "STY", "GPG_TTY", "DBUS_SESSION_BUS_ADDRESS");

    private final Cache cache;
    private final Path cacheRoot;
    private final Clock clock;

    /** @param cacheRoot the cache's directory, where {@link #EXPIRE} is; null for a temporary cache */
    TestResults(Cache cache, Path cacheRoot, Clock clock) {
        this.cache = cache;
        this.cacheRoot = cacheRoot;
        this.clock = clock;
    }

    /** The test action's ID. */
    static ActionId key(TestClassPath tests, ModuleTest.Options options, Map<String, String> env) {
        ActionKey key = tests.key("test");
        key.add("directory " + tests.directory());
        key.add("flags" + (options.verbose() ? " -v" : "") + (options.failFast() ? " -failfast" : "")
                + " -timeout " + options.timeout() + (options.run() == null ? "" : " -run " + options.run().replace('\n', ' ')));
        options.jvmOptions().forEach(o -> key.add("jvm-option " + o.replace('\n', ' ')));
        tests.surefire().includes().forEach(i -> key.add("include " + i));
        tests.surefire().excludes().forEach(e -> key.add("exclude " + e));
        // By hash: a value may break a line, or be a secret that JIFFY_DEBUG_HASH must not print.
        new TreeMap<>(env).forEach((name, value) -> {
            if (!VOLATILE.contains(name)) {
                key.add("env " + name.replace('\n', ' ') + " " + Sha256.of(value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return key.id();
    }

    /** A passing run's output and what it read. */
    record Cached(String output, TestInputs inputs) {}

    /** The output of a passing run whose inputs are as they were, or null. */
    Cached find(ActionId test) throws IOException {
        if (!(cache.get(test) instanceof Lookup.Hit logged) || logged.timeNanos() < expiry()) {
            return null;
        }
        TestInputs inputs = TestInputs.decode(Files.readAllBytes(cache.outputFile(logged.outputId())));
        TestInputs.State state = inputs == null ? null : inputs.state(null);
        if (state == null || !(cache.get(resultId(test, state.text())) instanceof Lookup.Hit result)) {
            return null;
        }
        return new Cached(new String(Files.readAllBytes(cache.outputFile(result.outputId())), StandardCharsets.UTF_8), inputs);
    }

    /**
     * Keeps a passing run's output under its inputs' state; false when an input changed after
     * {@link #RACY} before the tests {@code started}: the run may have read it as it was before
     * (Go's rule counts back from now, which misses an edit during a long run).
     */
    boolean store(ActionId test, TestInputs inputs, String output, java.time.Instant started) throws IOException {
        TestInputs.State state = inputs.state(started.minus(RACY));
        if (state == null) {
            return false;
        }
        cache.put(test, state.stamped().encode());
        cache.put(resultId(test, state.text()), output.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static ActionId resultId(ActionId test, String state) {
        return new ActionId(Sha256.of(("jiffy test result\n" + test + "\n" + state).getBytes(StandardCharsets.UTF_8)));
    }

    private long expiry() throws IOException {
        if (cacheRoot == null) {
            return 0;
        }
        Path file = cacheRoot.resolve(EXPIRE);
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a damaged file forgets everything, never keeps a stale pass
        }
    }

    /** {@code jiffy clean -testcache}. */
    public static void expireAll(Path cacheRoot, Clock clock) throws IOException {
        AtomicFiles.write(cacheRoot.resolve(EXPIRE), (UnixNanos.now(clock) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
