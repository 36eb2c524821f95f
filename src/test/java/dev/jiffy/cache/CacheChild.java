package dev.jiffy.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The other process of the multi-process tests, run as {@code java dev.jiffy.cache.CacheChild
 * <command> <root> [args]}. It speaks one word a line on stdout ("ready", "done", "locked") and
 * reports failures on stderr with exit status 1.
 */
public final class CacheChild {
    private CacheChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "put-many" -> putMany(root, Integer.parseInt(args[2]));
            case "put-large" -> putLarge(root, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "modes" -> modes(root);
            case "hold-trim-lock" -> holdTrimLock(root);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** The content every process puts for key {@code i} of put-many; some keys are executables. */
    static byte[] manyContent(int i) {
        byte[] b = new byte[100 + (i * 37) % 3000];
        new SplittableRandom(i).nextBytes(b);
        return b;
    }

    static boolean manyIsExecutable(int i) {
        return i % 10 == 0;
    }

    static ActionId manyAction(int i) {
        return Ids.action("many " + i);
    }

    /** Waits for a line on stdin so that all processes start at once, then puts and reads back every key. */
    private static void putMany(Path root, int count) throws IOException {
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            for (int i = 0; i < count; i++) {
                byte[] content = manyContent(i);
                if (manyIsExecutable(i)) {
                    cache.putExecutable(manyAction(i), "prog" + i, content);
                } else {
                    cache.put(manyAction(i), content);
                }
            }
            for (int i = 0; i < count; i++) {
                byte[] got = Cache.getBytes(cache, manyAction(i));
                if (!Arrays.equals(got, manyContent(i))) {
                    System.err.println("key " + i + ": read back " + (got == null ? "a miss" : got.length + " other bytes"));
                    System.exit(1);
                }
            }
        }
    }

    static ActionId largeAction(int seed) {
        return Ids.action("large " + seed);
    }

    static byte[] largeContent(int seed, int megabytes) {
        byte[] b = new byte[megabytes << 20];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Puts one large entry; the test kills this process somewhere in the middle. */
    private static void putLarge(Path root, int seed, int megabytes) throws IOException {
        byte[] content = largeContent(seed, megabytes);
        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            System.out.println("ready");
            System.out.flush();
            cache.put(largeAction(seed), content);
            System.out.println("done");
            System.out.flush();
        }
    }

    static final String MODES_NAME = "modeprog";

    static ActionId modesContentAction() {
        return Ids.action("modes content");
    }

    static ActionId modesExecutableAction() {
        return Ids.action("modes executable");
    }

    static final byte[] MODES_CONTENT = Ids.bytes("some class files\n");
    static final byte[] MODES_EXECUTABLE = Ids.bytes("#!/bin/sh\necho hello\n");

    /** Creates a cache and puts one content file and one executable, under the umask it was started with. */
    private static void modes(Path root) throws IOException {
        try (DiskCache cache = DiskCache.open(root, Clock.systemUTC(), false)) {
            cache.put(modesContentAction(), MODES_CONTENT);
            cache.putExecutable(modesExecutableAction(), MODES_NAME, MODES_EXECUTABLE);
        }
    }

    /** Holds trim's lock until stdin is closed, as a process in the middle of a trim does. */
    private static void holdTrimLock(Path root) throws IOException {
        try (FileChannel ch = FileChannel.open(root.resolve(Trim.FILE),
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                var lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
