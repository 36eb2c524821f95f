package dev.jiffy.cli;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the reliability tests (the {@code Reliability*IT} classes, tag {@code reliability}) share:
 * programs that say who they are, killing a process tree, and the checks every fault ends with:
 * the right output, no stack trace, a cache that {@code jiffy cache verify} finds clean.
 */
final class Reliability {
    static final String TAG = "reliability";

    private Reliability() {}

    /**
     * A directory program of {@code files} sources (a main class {@code Main} in package
     * {@code app} and helpers it adds up), printing {@code "<name> <sum> <args>"} and exiting with
     * {@code exit}; its sources are dated a minute back, so the racy rule allows a run file once
     * their ctimes are two seconds old.
     */
    static Path program(Path dir, String name, int files, int exit) throws IOException {
        Files.createDirectories(dir);
        StringBuilder main = new StringBuilder("package app;\n\npublic class Main {\n"
                + "    public static void main(String[] args) {\n        int sum = 0;\n");
        for (int i = 1; i < files; i++) {
            Jiffy.write(dir.resolve("Part" + i + ".java"),
                    "package app;\n\nclass Part" + i + " {\n    static int value() {\n        return " + i + ";\n    }\n}\n");
            main.append("        sum += Part").append(i).append(".value();\n");
        }
        main.append("        System.out.println(\"").append(name).append(" \" + sum + \" \" + String.join(\",\", args));\n")
                .append("        System.exit(").append(exit).append(");\n    }\n}\n");
        Jiffy.write(dir.resolve("Main.java"), main.toString());
        backdate(dir);
        return dir;
    }

    /** What {@link #program} prints for {@code args}. */
    static String output(String name, int files, String... args) {
        return name + " " + (files * (files - 1) / 2) + " " + String.join(",", args) + "\n";
    }

    /** Sets the mtime of every file and directory below {@code dir} a minute back. */
    static void backdate(Path dir) throws IOException {
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
    }

    /**
     * SIGKILL for a launcher and everything it started, as when a terminal or CI runner dies:
     * the descendants are listed first (they are re-parented once the launcher is gone), then
     * all are killed and waited for. Returns whether the launcher was still running.
     */
    static boolean killTree(Process launcher) throws InterruptedException {
        boolean alive = launcher.isAlive();
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        // A child started between the listing and the kill of its parent.
        all.addAll(all.stream().flatMap(ProcessHandle::descendants).toList());
        all.forEach(ProcessHandle::destroyForcibly);
        launcher.waitFor(60, TimeUnit.SECONDS);
        for (ProcessHandle h : all) {
            h.onExit().completeOnTimeout(h, 60, TimeUnit.SECONDS).join();
        }
        return alive;
    }

    /** Every temporary file a writer leaves behind: {@code .tmp-*}, anywhere in the cache. */
    static List<Path> temporaryFiles(Path cache) throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(cache)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    static void assertNoStackTrace(Result r) {
        assertThat(r).hasNoStackTrace().stderr().doesNotContain("Exception");
    }

    /** The program ran, said the right thing and exited with its own status. */
    static void assertRan(Result r, String expectedOut, int expectedExit) {
        assertThat(r).printed(expectedOut).exitedWith(expectedExit);
        assertNoStackTrace(r);
    }

    /** {@code jiffy cache verify} re-hashed every content file and removed none. */
    static void assertVerifiesClean(Jiffy jiffy) throws Exception {
        Result v = jiffy.run("cache", "verify");
        assertThat(v).succeeded().stdout().containsPattern("verified [1-9][0-9]* files, removed 0");
    }
}
