package dev.jiffy.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named counters kept in {@code counters.txt} ("name value" lines), added to under a file lock
 * so that processes finishing at once all count. A process adds its counts once, when it closes
 * the cache, so a hit costs no extra write. A process without a lock (a run file, in sh) counts
 * by appending one byte to {@code tally/<name>}, which the launcher does with no extra process;
 * the file's size is added to the counter.
 */
public final class Counters {
    static final String FILE = "counters.txt";
    /** Beside {@link #FILE}: one file a counter, one byte a count. */
    public static final String TALLY = "tally";
    /**
     * File locks belong to the whole process, and a second one from another thread of it throws
     * instead of waiting; threads of one process take turns here first.
     */
    private static final Object IN_PROCESS = new Object();

    private Counters() {}

    public static Map<String, Long> read(Path root) throws IOException {
        Map<String, Long> counts;
        try (FileChannel ch = FileChannel.open(root.resolve(FILE), StandardOpenOption.READ)) {
            counts = parse(readAll(ch));
        } catch (java.nio.file.NoSuchFileException e) {
            counts = new TreeMap<>();
        }
        Path tally = root.resolve(TALLY);
        if (Files.isDirectory(tally)) {
            try (var files = Files.list(tally)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    counts.merge(f.getFileName().toString(), Files.size(f), Long::sum);
                }
            }
        }
        return counts;
    }

    static void add(Path root, Map<String, Long> deltas) throws IOException {
        if (deltas.values().stream().allMatch(v -> v == 0)) {
            return;
        }
        synchronized (IN_PROCESS) {
            try (FileChannel ch = FileChannel.open(root.resolve(FILE),
                    StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                    var lock = ch.lock()) {
                Map<String, Long> counts = parse(readAll(ch));
                deltas.forEach((k, v) -> counts.merge(k, v, Long::sum));
                StringBuilder text = new StringBuilder();
                counts.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)), 0);
            }
        }
    }

    private static String readAll(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 16));
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
    }

    /** Lines that do not parse are dropped: counters are statistics, not data worth failing over. */
    private static Map<String, Long> parse(String text) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 2 && Decimal.parse(f[1], 18) >= 0) {
                counts.put(f[0], Decimal.parse(f[1], 18));
            }
        }
        return counts;
    }
}
