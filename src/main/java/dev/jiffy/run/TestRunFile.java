package dev.jiffy.run;

import dev.jiffy.cache.Counters;
import dev.jiffy.cache.UnixNanos;
import dev.jiffy.junit.ModuleTest;
import dev.jiffy.junit.TestResults;
import dev.jiffy.work.ShellQuote;
import dev.jiffy.work.TestClassPath;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fast path of {@code jiffy test}: when every module's result was a cached pass or a pass
 * just stored, a run file that replays the same lines while nothing changes, so an unchanged
 * re-run starts no JVM. It is keyed by the directory ({@code <cache>/run/@test<dir>.run}) and
 * runs only for the same arguments and the same environment: the launcher hashes every exported
 * variable but the volatile ones ({@link #ENV_SUM}), as the test action's ID counts every one. It
 * pins, with one {@code stat}, what the JVM path would look at: jiffy's code, the JDK, every pom,
 * source and resource the build read, the jars on each test class path, the files the tests
 * read, and each module's tree (every file and directory, so an added file shows too). Each
 * replayed module counts as a test hit ({@link Counters#TALLY}).
 */
public final class TestRunFile {
    /** What the launcher passes: the SHA-256 of {@code export -p} without the volatile variables. */
    public static final String ENV_SUM = "JIFFY_TEST_ENV";
    /** Beyond this many files, a module's tree is left to the JVM path. */
    private static final int MOST_FILES = 20_000;
    /** sha256sum's output for no input: the launcher's hashing failed, which must never match. */
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private TestRunFile() {}

    /** The key of the run file for {@code jiffy test} in {@code pwd}, as the launcher forms it; null if it forms none. */
    public static String key(String pwd) {
        return pwd == null || !pwd.startsWith("/") ? null : RunFiles.key("", "/@test" + pwd);
    }

    /**
     * The stamp of {@code jiffy clean -testcache}'s file, taken before any result is looked up
     * (the file is made, saying nothing is expired, if there is none): a run file pins it, so a
     * clean after that point, even one while this command runs, sends the next run to the JVM.
     */
    public static String expiryStamp(Path cacheRoot) throws IOException {
        Path file = cacheRoot.resolve(TestResults.EXPIRE);
        try {
            Files.write(file, "0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // a clean -testcache has run, or an earlier test did this
        }
        return FileStamp.of(file).statLine();
    }

    /**
     * Writes the run file, or removes the old one and says why not ({@code null} when written).
     *
     * @param expiry   {@link #expiryStamp}, taken when the command started
     * @param envSum   the launcher's {@link #ENV_SUM}
     * @param args     {@code jiffy test}'s arguments, which the file requires again
     * @param started  when the command started: an input changed within {@link RunFiles#RACY}
     *                 of it, or since, makes no run file
     */
    public static String write(Path cacheRoot, String key, String expiry, String envSum, List<String> args,
            List<TestClassPath> modules, List<ModuleTest.Outcome> outcomes, Instant started) throws IOException {
        Path file = RunFiles.location(cacheRoot, key);
        long cutoff = UnixNanos.of(started) - RunFiles.RACY.toNanos();
        String why = unpinnable(modules, outcomes, cutoff);
        if (why == null && (!envSum.matches("[0-9a-f]{64}  -") || envSum.startsWith(EMPTY))) {
            why = "the launcher could not hash the environment";
        }
        Map<Path, String> pinned = why == null ? stamps(cacheRoot, modules, outcomes, cutoff) : null;
        if (why == null && pinned == null) {
            why = "a file the tests read, or one of the module's, changed within 2 seconds of the command starting,"
                    + " or since, or is gone";
        }
        if (why != null) {
            Files.deleteIfExists(file);
            return why;
        }
        pinned.put(cacheRoot.resolve(TestResults.EXPIRE), expiry);
        List<String> checks = new ArrayList<>();
        checks.add("[ \"${jiffy_e-}\" = " + ShellQuote.quote(envSum) + " ]");
        checks.add("[ $# -eq " + args.size() + " ]");
        for (int i = 0; i < args.size(); i++) {
            checks.add("[ \"${" + (i + 1) + "}\" = " + ShellQuote.quote(args.get(i)) + " ]");
        }
        StringBuilder replay = new StringBuilder();
        outcomes.forEach(o -> replay.append(o.replay()));
        if (replay.indexOf("\0") >= 0 || args.stream().anyMatch(a -> a.indexOf('\0') >= 0)) {
            Files.deleteIfExists(file);
            return "its output holds a NUL, which sh cannot print from a run file";
        }
        Path tally = cacheRoot.resolve(Counters.TALLY);
        Files.createDirectories(tally);
        String body = "printf '%s' " + ShellQuote.quote(replay.toString()) + "\n"
                + "printf '%s' " + ShellQuote.quote(".".repeat(outcomes.size())) + " >>"
                + ShellQuote.quote(tally.resolve("test-hits").toString()) + " 2>/dev/null\n"
                + "exit 0";
        return RunFiles.write(file, checks, pinned, body) ? null : "this platform lacks the clock a run file checks";
    }

    /** Why no run file can hold these results, or null. */
    private static String unpinnable(List<TestClassPath> modules, List<ModuleTest.Outcome> outcomes, long cutoff)
            throws IOException {
        if (outcomes.stream().anyMatch(o -> o.replay() == null)) {
            return "a module's result is not cached";
        }
        for (TestClassPath m : modules) {
            for (Map.Entry<Path, String> e : m.inputs().entrySet()) {
                FileStamp now = stamp(e.getKey());
                if (now == null || !now.statLine().equals(e.getValue()) || now.changedNanos() > cutoff) {
                    return e.getKey() + " changed within 2 seconds of the command starting, or since";
                }
            }
        }
        return null;
    }

    /**
     * Every file to pin, stamped now, or null when one is gone, changed after {@code cutoff}, or a
     * module has too many files.
     */
    private static Map<Path, String> stamps(Path cacheRoot, List<TestClassPath> modules, List<ModuleTest.Outcome> outcomes,
            long cutoff) throws IOException {
        Map<Path, String> pinned = new LinkedHashMap<>();
        for (Path p : ToolCode.withToolCode(List.of())) {
            pinned.put(p, FileStamp.of(p).statLine());
        }
        List<Path> files = new ArrayList<>();
        for (TestClassPath m : modules) {
            m.inputs().forEach((p, stamp) -> pinned.put(p, stamp));
            files.add(m.jdk().home().resolve("release"));
            // Cache entries are named by their content; the sources that made them are pinned.
            m.classpath().stream().filter(p -> !p.startsWith(cacheRoot) && Files.isRegularFile(p)).forEach(files::add);
            Path dir = m.tree();
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    List<Path> tree = walk.filter(p -> !p.startsWith(dir.resolve("target")) && !p.startsWith(dir.resolve(".git")))
                            .limit(MOST_FILES + 1).toList();
                    if (tree.size() > MOST_FILES) {
                        return null;
                    }
                    files.addAll(tree);
                }
            }
        }
        outcomes.forEach(o -> files.addAll(o.read()));
        for (Path p : files) {
            if (!pinned.containsKey(p)) {
                FileStamp s = stamp(p);
                if (s == null || s.changedNanos() > cutoff) {
                    return null;
                }
                pinned.put(p, s.statLine());
            }
        }
        return pinned;
    }

    private static FileStamp stamp(Path p) throws IOException {
        try {
            return FileStamp.of(p);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
