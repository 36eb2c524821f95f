package dev.jiffy.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Removes entries unused for {@code maxAge}, then least-recently-used ones until the cache is
 * under {@code maxBytes}. {@code trim.txt} holds the time of the last trim, written under a
 * lock on that file: one process trims, the others carry on without waiting.
 */
public final class Trim {
    /** Trim runs at most this often unless asked for. */
    public static final Duration INTERVAL = Duration.ofDays(1);
    /** A temporary file this old belongs to a writer that died. */
    static final Duration TEMP_AGE = Duration.ofHours(1);
    /** A last trim further ahead than this came from a wrong clock, and does not count. */
    static final Duration FUTURE_SLACK = Duration.ofHours(1);
    static final String FILE = "trim.txt";
    /**
     * An executable used within this long may be starting right now, and trim leaves it, whatever
     * the age and size limits say. The launcher execs a JVM on the executable's path and the JVM
     * opens it tens of milliseconds later; a run file lets the launcher do so for an hour after it
     * was written, and the entry's time, which markUsed refreshes at most once an hour, was then at
     * most an hour old. Two hours, and five minutes for clocks: a trim never breaks a run.
     */
    static final Duration MAY_BE_STARTING = Duration.ofMinutes(125);
    /**
     * Where the layers above keep files derived from entries (run files, stat manifests). They
     * are rewritten while in use, so trim removes those unused for the trim age, and the
     * directories they leave empty.
     */
    public static final String DERIVED = "run";
    /** The directory beside the cache where runs record start-up archives; trim removes what dead runs left there. */
    public static final String TRAINING_SUFFIX = ".train";

    /** What a trim did: entries and bytes removed, and what is left. */
    public record Result(boolean ran, int removed, long removedBytes, int kept, long keptBytes) {
        static final Result SKIPPED = new Result(false, 0, 0, 0, 0);
    }

    private final Path root;
    private final Clock clock;
    private final Duration maxAge;
    private final long maxBytes;

    public Trim(Path root, Clock clock, Duration maxAge, long maxBytes) {
        this.root = root;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
    }

    /**
     * True if the last trim is a day old or more, or more than an hour in the future: a time from a
     * clock that was once wrong must not hold trims off until it comes round (Go does the same).
     * Reads one small file, takes no lock.
     */
    public boolean isDue() {
        long last = lastTrimSeconds(readQuietly());
        long since = clock.instant().getEpochSecond() - last;
        return last < 0 || since >= INTERVAL.toSeconds() || since < -FUTURE_SLACK.toSeconds();
    }

    /**
     * Trims if {@code force} or due and no other process is trimming. Returns at once, having done
     * nothing, if another process holds the lock.
     */
    public Result run(boolean force) throws IOException {
        FileChannel open;
        try {
            open = FileChannel.open(root.resolve(FILE), StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE);
        } catch (NoSuchFileException e) {
            // clean -cache renamed the cache away since it was opened: nothing is left to trim.
            return new Result(true, 0, 0, 0, 0);
        }
        try (FileChannel ch = open; FileLock lock = tryLock(ch)) {
            if (lock == null) {
                return Result.SKIPPED;
            }
            if (!force && !isDue()) {
                return Result.SKIPPED;
            }
            Result result = trim();
            byte[] now = (clock.instant().getEpochSecond() + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(now), 0);
            return result;
        }
    }

    /** The lock, or null if another process or another thread of this one holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // file locks are per process: a trim in another thread shows up this way
        }
    }

    private Result trim() throws IOException {
        long now = clock.millis();
        long ageCutoff = now - maxAge.toMillis();
        long tempCutoff = now - TEMP_AGE.toMillis();
        long startingCutoff = now - MAY_BE_STARTING.toMillis();
        List<Entries.Entry> kept = new ArrayList<>();
        List<Entries.Entry> doomed = new ArrayList<>();
        int staleTemporaries = 0;
        long staleBytes = 0;
        for (Entries.Entry e : Entries.scan(root)) {
            long cutoff = e.kind() == Entries.Kind.TEMP ? tempCutoff : ageCutoff;
            if (e.mtimeMillis() < cutoff && !mayBeStarting(e, startingCutoff)) {
                doomed.add(e);
                continue;
            }
            if (e.kind() == Entries.Kind.EXECUTABLE) {
                // A writer killed while writing an executable leaves its temporary file in the directory.
                long stale = removeTemporaryFiles(e.path(), tempCutoff);
                staleTemporaries += stale > 0 ? 1 : 0;
                staleBytes += stale;
                e = new Entries.Entry(e.path(), e.kind(), e.mtimeMillis(), e.size() - stale);
            }
            if (e.kind() != Entries.Kind.TEMP) {
                kept.add(e);
            }
        }
        long total = kept.stream().mapToLong(Entries.Entry::size).sum();
        if (total > maxBytes) {
            kept.sort(Comparator.comparingLong(Entries.Entry::mtimeMillis));
            for (Entries.Entry e : kept) {
                if (total <= maxBytes) {
                    break;
                }
                if (!mayBeStarting(e, startingCutoff)) {
                    doomed.add(e);
                    total -= e.size();
                }
            }
        }
        List<Entries.Entry> removed = Entries.removeUnused(doomed);
        trimDerived(root.resolve(DERIVED), ageCutoff, tempCutoff);
        trimTraining(Path.of(root + TRAINING_SUFFIX), tempCutoff);
        kept.removeAll(new HashSet<>(removed));
        long keptBytes = kept.stream().mapToLong(Entries.Entry::size).sum();
        long removedBytes = staleBytes + removed.stream().mapToLong(Entries.Entry::size).sum();
        return new Result(true, removed.size() + staleTemporaries, removedBytes, kept.size(), keptBytes);
    }

    /** An executable used since {@code startingCutoff}, which a run may be starting ({@link #MAY_BE_STARTING}). */
    private static boolean mayBeStarting(Entries.Entry e, long startingCutoff) {
        return e.kind() == Entries.Kind.EXECUTABLE && e.mtimeMillis() >= startingCutoff;
    }

    /** Removes the temporary files in {@code dir} older than {@code cutoff}; returns the bytes removed. */
    private static long removeTemporaryFiles(Path dir, long cutoff) throws IOException {
        long bytes = 0;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
            for (Path f : files) {
                try {
                    var a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                    if (a.lastModifiedTime().toMillis() < cutoff && Files.deleteIfExists(f)) {
                        bytes += a.size();
                    }
                } catch (NoSuchFileException e) {
                    // renamed into place or removed meanwhile
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return bytes;
    }

    /**
     * Removes derived files older than {@code cutoff}, and temporary files of killed writers older
     * than {@code tempCutoff}; returns whether {@code dir} is left empty.
     */
    private static boolean trimDerived(Path dir, long cutoff, long tempCutoff) throws IOException {
        boolean empty = true;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                java.nio.file.attribute.BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // a run file's temporary file renamed into place, or removed, since the listing
                }
                long fileCutoff = f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX) ? tempCutoff : cutoff;
                boolean gone = a.isDirectory()
                        ? trimDerived(f, cutoff, tempCutoff) && deleteEmpty(f)
                        : a.lastModifiedTime().toMillis() < fileCutoff && Files.deleteIfExists(f);
                empty &= gone;
            }
        } catch (NoSuchFileException e) {
            return true;
        }
        return empty;
    }

    /**
     * Removes what recording runs left in the training directory ({@code ID.PID.ext}) before
     * {@code cutoff}, unless that process still runs: its JVM writes there at its exit.
     */
    private static void trimTraining(Path dir, long cutoff) throws IOException {
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String[] parts = f.getFileName().toString().split("\\.");
                boolean running = parts.length == 3 && parts[1].matches("[0-9]{1,9}")
                        && ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
                try {
                    if (!running && Files.getLastModifiedTime(f, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
                        Files.deleteIfExists(f);
                    }
                } catch (NoSuchFileException e) {
                    // placed or removed meanwhile
                }
            }
        } catch (NoSuchFileException e) {
            // no run has recorded an archive
        }
    }

    /** Deletes an empty directory; one a writer just put a file into stays. */
    private static boolean deleteEmpty(Path dir) {
        try {
            return Files.deleteIfExists(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private String readQuietly() {
        try {
            return Files.readString(root.resolve(FILE), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private static long lastTrimSeconds(String text) {
        String s = text.strip();
        return Decimal.parse(s, 18);
    }
}
