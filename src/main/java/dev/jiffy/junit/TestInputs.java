package dev.jiffy.junit;

import dev.jiffy.cache.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a passing test run read beside its class path, as Go's test cache logs it: the files
 * its JVM read, and the module's own files (which also stand for those it only looked at,
 * such as a {@code Files.exists} the recorder does not see). Stored under the test's action
 * ID, one line per input; its present state hashes into the ID the result is stored under, so
 * any change to any of them runs the tests again. A file's hash is kept with the stat it was
 * taken under, so a check reads only the files whose stat moved (git's index idea); the
 * two-second rule at {@link TestResults#store} keeps a same-stat edit from hiding.
 */
record TestInputs(List<Input> inputs) {
    /**
     * One input: a file the run read ({@code file}) or the module ({@code tree}); for a file,
     * the stat and the content hash it had when the log was stored, or empty.
     */
    record Input(String kind, Path path, String stamp, String sha256) {}

    /** The log of a run: the files it read that are not part of its class path or the JDK, and the module (or null). */
    static TestInputs of(Set<Path> read, Path module, List<Path> ignored) {
        List<Input> inputs = new ArrayList<>();
        for (Path p : read) {
            if (ignored.stream().noneMatch(p::startsWith)) {
                inputs.add(new Input("file", p, "", ""));
            }
        }
        if (module != null) {
            inputs.add(new Input("tree", module, "", ""));
        }
        return new TestInputs(List.copyOf(inputs));
    }

    /** The files the run read (not the module's, which the module's tree stands for). */
    List<Path> files() {
        return inputs.stream().filter(i -> i.kind().equals("file")).map(Input::path).toList();
    }

    byte[] encode() {
        StringBuilder b = new StringBuilder();
        for (Input i : inputs) {
            b.append(i.kind()).append('\t').append(i.stamp()).append('\t').append(i.sha256()).append('\t').append(i.path())
                    .append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The stored log; null if it does not parse, which is a miss. */
    static TestInputs decode(byte[] data) {
        List<Input> inputs = new ArrayList<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", 4);
            if (f.length != 4) {
                return line.isEmpty() ? new TestInputs(List.copyOf(inputs)) : null;
            }
            inputs.add(new Input(f[0], Path.of(f[3]), f[1], f[2]));
        }
        return new TestInputs(List.copyOf(inputs));
    }

    /** The inputs' present state, and the log with each file's stat and hash as they are now. */
    record State(String text, TestInputs stamped) {}

    /**
     * The inputs as they are now, one line each: a file's content hash (or that it is missing or
     * a directory), the module's files by path, size and modification time.
     *
     * @param racyAfter an input modified after this time makes the state unusable: null is returned
     */
    State state(Instant racyAfter) throws IOException {
        StringBuilder b = new StringBuilder();
        List<Input> stamped = new ArrayList<>();
        for (Input i : inputs) {
            Path p = i.path();
            if (i.kind().equals("file")) {
                String stamp = stamp(p);
                if (stamp == null) {
                    b.append(Files.isDirectory(p) ? "dir " : "missing ").append(p).append('\n');
                    stamped.add(new Input("file", p, "", ""));
                    continue;
                }
                if (racyAfter != null && Files.getLastModifiedTime(p).toInstant().isAfter(racyAfter)) {
                    return null;
                }
                String sha = stamp.equals(i.stamp()) && !i.sha256().isEmpty() ? i.sha256() : Sha256.of(p);
                b.append("file ").append(p).append(' ').append(sha).append('\n');
                stamped.add(new Input("file", p, stamp, sha));
            } else if (i.kind().equals("tree")) {
                String tree = tree(p, racyAfter);
                if (tree == null) {
                    return null;
                }
                b.append("tree ").append(p).append(' ').append(Sha256.of(tree.getBytes(StandardCharsets.UTF_8))).append('\n');
                stamped.add(i);
            }
        }
        return new State(b.toString(), new TestInputs(List.copyOf(stamped)));
    }

    /** A regular file's size, times and inode, as one word; null for anything else. */
    private static String stamp(Path p) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:isRegularFile,size,lastModifiedTime,ctime,ino");
            if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                return null;
            }
            return a.get("size") + ":" + ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS) + ":"
                    + ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS) + ":" + a.get("ino");
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Every file below the module but its build output and version control, by path, size and mtime. */
    private static String tree(Path module, Instant racyAfter) throws IOException {
        StringBuilder b = new StringBuilder();
        if (!Files.isDirectory(module)) {
            return "";
        }
        try (Stream<Path> walk = Files.walk(module)) {
            for (Path p : walk.filter(x -> !x.startsWith(module.resolve("target")) && !x.startsWith(module.resolve(".git")))
                    .sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    Instant modified = Files.getLastModifiedTime(p).toInstant();
                    if (racyAfter != null && modified.isAfter(racyAfter)) {
                        return null;
                    }
                    b.append(module.relativize(p)).append(' ').append(Files.size(p)).append(' ').append(modified).append('\n');
                }
            }
        }
        return b.toString();
    }
}
