package dev.jiffy.junit;

import dev.jiffy.cache.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a passing test run read beside its class path, as Go's test cache logs it: the files
 * its JVM read, and the module's own files (which also stand for those it only looked at,
 * such as a {@code Files.exists} the recorder does not see). Stored under the test's action
 * ID, one line per input; its present state hashes into the ID the result is stored under, so
 * any change to any of them runs the tests again.
 */
record TestInputs(List<String> lines) {
    /** The log of a run: the files it read that are not part of its class path or the JDK, and the module. */
    static TestInputs of(java.util.Set<Path> read, Path module, List<Path> ignored) {
        List<String> lines = new ArrayList<>();
        for (Path p : read) {
            if (ignored.stream().noneMatch(p::startsWith)) {
                lines.add("file " + p);
            }
        }
        lines.add("tree " + module);
        return new TestInputs(List.copyOf(lines));
    }

    byte[] encode() {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static TestInputs decode(byte[] data) {
        return new TestInputs(new String(data, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList());
    }

    /**
     * The inputs as they are now, one line each: a file's content hash (or that it is missing),
     * the module's files by path, size and modification time.
     *
     * @param racyAfter an input modified after this time makes the state unusable: null is returned
     */
    String state(Instant racyAfter) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            Path p = Path.of(line.substring(line.indexOf(' ') + 1));
            if (line.startsWith("file ")) {
                if (Files.isRegularFile(p)) {
                    if (racyAfter != null && Files.getLastModifiedTime(p).toInstant().isAfter(racyAfter)) {
                        return null;
                    }
                    b.append("file ").append(p).append(' ').append(Sha256.of(p)).append('\n');
                } else {
                    b.append(Files.isDirectory(p) ? "dir " : "missing ").append(p).append('\n');
                }
            } else if (line.startsWith("tree ")) {
                String tree = tree(p, racyAfter);
                if (tree == null) {
                    return null;
                }
                b.append("tree ").append(p).append(' ').append(Sha256.of(tree.getBytes(StandardCharsets.UTF_8))).append('\n');
            }
        }
        return b.toString();
    }

    /** Every file below the module but its build output and version control, by path, size and mtime. */
    private static String tree(Path module, Instant racyAfter) throws IOException {
        StringBuilder b = new StringBuilder();
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
