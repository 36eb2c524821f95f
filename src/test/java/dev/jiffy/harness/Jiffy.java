package dev.jiffy.harness;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/jiffy} as a user does: a real child process with its own environment, working
 * directory and cache. Every run has a timeout, so a hung program fails its test instead of the
 * build; the timeout is generous because javac on a loaded 2-core machine is slow. A test gets
 * one from its {@link Sandbox}; the methods that change a setting return a new one.
 */
public final class Jiffy {
    /** The project directory, which holds bin/jiffy and the packaged jar. */
    public static final Path ROOT = root();
    public static final Path LAUNCHER = ROOT.resolve("bin").resolve("jiffy");
    private static final long TIMEOUT_SECONDS = 120;

    private final Map<String, String> env;
    private final Path cwd;

    private Jiffy(Map<String, String> env, Path cwd) {
        this.env = env;
        this.cwd = cwd;
    }

    /**
     * jiffy with the cache at {@code cache}, started in {@code cwd}. The test's own JIFFY_*
     * settings are dropped, so that only what a test sets applies.
     */
    static Jiffy create(Path cache, Path cwd) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("JIFFY_"));
        env.put("JIFFY_CACHE", cache.toString());
        // No compile server unless a test asks for one: each test's cache would get its own.
        env.put("JIFFY_DAEMON", "0");
        return new Jiffy(env, cwd).in(cwd);
    }

    /** The same settings, started in another directory. */
    public Jiffy in(Path dir) {
        Map<String, String> e = new HashMap<>(env);
        // The launcher and jiffy key run files by $PWD; a real shell sets it to the directory it is in.
        e.put("PWD", dir.toString());
        return new Jiffy(e, dir);
    }

    /** The same settings plus one variable; a null value removes it. */
    public Jiffy with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        if (value == null) {
            e.remove(name);
        } else {
            e.put(name, value);
        }
        return new Jiffy(e, cwd);
    }

    /** The same settings with another cache: a second machine's, or one a test set up. */
    public Jiffy withCache(Path cache) {
        return with("JIFFY_CACHE", cache.toString());
    }

    /** The directory it starts in. */
    public Path cwd() {
        return cwd;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(new byte[0], args);
    }

    /** Runs bin/jiffy with {@code args}, writes {@code input} to its stdin and closes it. */
    public Result runWithInput(byte[] input, String... args) throws IOException, InterruptedException {
        return exec(launcher(args), input);
    }

    /** Runs any command with this environment and directory (an executable, {@code sh <exe>}). */
    public Result exec(List<String> command, byte[] input) throws IOException, InterruptedException {
        return finish(command, startCommand(command), input);
    }

    /** Starts bin/jiffy without waiting, for tests that start several at once. */
    public Process start(String... args) throws IOException {
        return startCommand(launcher(args));
    }

    /** Starts any command with this environment and directory without waiting (signal and kill tests). */
    public Process startCommand(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits for a started {@code command}, as {@link #exec} does: with its input, its output read, a timeout. */
    public static Result finish(List<String> command, Process p, byte[] input) throws IOException, InterruptedException {
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // The program need not read its input: a closed pipe is its business, not the test's.
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("timed out after " + TIMEOUT_SECONDS + "s: " + command);
        }
        try {
            return new Result(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
                    new String(err.get(), StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new IOException("reading the output of " + command, e.getCause());
        }
    }

    /** Writes a source file (and its directories), returning its path. */
    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Reads a stream to its end on a thread of its own. Not the common pool: with three or more
     * cores it is shared, and a drain queued behind another process's, which ends only when that
     * process does, would leave this child blocked on a full pipe until the timeout.
     */
    private static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                read.complete(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        }, "jiffy-test-drain");
        t.setDaemon(true);
        t.start();
        return read;
    }

    private static Path root() {
        String root = System.getProperty("jiffy.root");
        if (root == null) {
            throw new IllegalStateException("system property jiffy.root (the project directory) is not set");
        }
        return Path.of(root).toAbsolutePath();
    }
}
