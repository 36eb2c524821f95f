package dev.jiffy.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CacheChild} in its own JVM. The class path is the build's output, relative to the
 * project root, which is the working directory of the tests.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(String... args) throws IOException {
        return startWithUmask(null, args);
    }

    /** Starts the child under {@code umask} (umask is per process, so it takes a process to test it). */
    static ChildJvm startWithUmask(String umask, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (umask != null) {
            cmd.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-cp", classPath(), CacheChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
    }

    private static String classPath() {
        return Path.of("target", "classes") + java.io.File.pathSeparator + Path.of("target", "test-classes");
    }

    Process process() {
        return process;
    }

    /** The next line the child printed, or null at its end. */
    String readLine() throws IOException {
        return out.readLine();
    }

    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the child to exit and returns its status; a child that hangs fails the test. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child process did not exit within 60 s");
        }
        return process.exitValue();
    }

    /** Kills the child at once (SIGKILL) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
