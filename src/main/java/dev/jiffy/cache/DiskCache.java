package dev.jiffy.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache on disk, in Go's layout: {@code <xx>/<actionID>-a} is an index entry and
 * {@code <xx>/<outputID>-d} is content (a file, or a directory holding one executable).
 */
public final class DiskCache implements Cache {
    /** A hit refreshes mtimes only when they are older than this, so that a hit does not cost a write. */
    static final Duration MARK_USED_AFTER = Duration.ofHours(1);

    private final Path root;
    private final Clock clock;
    private final boolean verify;
    /** Counts since open; a cache is shared by the threads of a build, so this map is concurrent. */
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    private DiskCache(Path root, Clock clock, boolean verify) {
        this.root = root;
        this.clock = clock;
        this.verify = verify;
    }

    /**
     * Opens the cache at {@code root}, creating it if needed. With {@code verify} (JIFFY_VERIFY=1)
     * every get is a miss and a put of other content for a cached action throws
     * {@link NonReproducibleException}.
     */
    public static DiskCache open(Path root, Clock clock, boolean verify) throws IOException {
        CacheDirectory.prepare(root);
        return new DiskCache(root, clock, verify);
    }

    public Path root() {
        return root;
    }

    /** Kept in memory and added to the counters file on close. */
    @Override
    public void count(String name, long delta) {
        counts.merge(name, delta, Long::sum);
    }

    @Override
    public Lookup get(ActionId action) throws IOException {
        Lookup result = lookup(action);
        count(result instanceof Lookup.Hit ? "hits" : "misses", 1);
        return result;
    }

    private Lookup lookup(ActionId action) throws IOException {
        if (verify) {
            return new Lookup.Miss("verify mode (JIFFY_VERIFY=1) rebuilds every action");
        }
        // A hit is on every run's path: one stat and one read of the index, one stat of the
        // content, and the times those stats gave decide whether markUsed writes.
        Path index = indexFile(action);
        BasicFileAttributes indexAttrs = attributesOrNull(index);
        if (indexAttrs == null) {
            return new Lookup.Miss("no index entry");
        }
        IndexEntry entry = indexAttrs.size() == IndexEntry.LENGTH ? readEntry(index, action) : null;
        if (entry == null) {
            return new Lookup.Miss("malformed index entry");
        }
        Path content = contentPath(entry.outputId());
        BasicFileAttributes contentAttrs = attributesOrNull(content);
        long size = -1;
        if (contentAttrs != null && contentAttrs.isRegularFile()) {
            size = contentAttrs.size();
        } else if (contentAttrs != null && contentAttrs.isDirectory()) {
            Path file = executableIn(content);
            size = file == null ? -1 : sizeOrMinusOne(file);
        }
        if (size != entry.size()) {
            return new Lookup.Miss(size < 0 ? "content missing" : "content size differs from index entry");
        }
        markUsed(index, indexAttrs.lastModifiedTime());
        markUsed(content, contentAttrs.lastModifiedTime());
        return new Lookup.Hit(entry.outputId(), entry.size(), entry.timeNanos());
    }

    private static BasicFileAttributes attributesOrNull(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The entry in {@code index}, read with one read call; null if it is gone or does not parse. */
    private static IndexEntry readEntry(Path index, ActionId action) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(IndexEntry.LENGTH + 1);
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // a local file gives it all at once; the loop is for the rest
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return IndexEntry.decode(Arrays.copyOf(buf.array(), buf.position()), action);
    }

    @Override
    public Lookup.Hit put(ActionId action, byte[] content) throws IOException {
        OutputId out = OutputId.of(content);
        checkReproducible(action, out);
        Path file = contentPath(out);
        AtomicFiles.createDirectory(file.getParent());
        if (!holds(file, out, content.length)) {
            AtomicFiles.write(file, content, AtomicFiles.MODE_0666);
        } else {
            markUsed(file);
        }
        return writeEntry(action, out, content.length);
    }

    @Override
    public Lookup.Hit putExecutable(ActionId action, String name, byte[] content) throws IOException {
        ProgramName.check(name);
        OutputId out = OutputId.of(content);
        checkReproducible(action, out);
        Path dir = contentPath(out);
        AtomicFiles.createDirectory(dir.getParent());
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, AtomicFiles.MODE_0777);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another process is putting the same executable.
            }
        }
        Path file = dir.resolve(name);
        if (!holds(file, out, content.length)) {
            try {
                AtomicFiles.write(file, content, AtomicFiles.MODE_0777);
            } catch (IOException e) {
                if (!isTextBusy(e)) {
                    // A full disk: leave no empty directory for verify to report (it stays if another writer got in).
                    deleteIfEmpty(dir);
                    throw e;
                }
                // The executable is being run, so it is there already (Go's ETXTBSY rule).
            }
        } else {
            markUsed(dir);
        }
        return writeEntry(action, out, content.length);
    }

    /**
     * True if {@code file} already holds the content: the right size and, as Go checks before it
     * skips a copy, the right hash, so that a rebuild repairs a file damaged in place.
     */
    private static boolean holds(Path file, OutputId out, long size) {
        try {
            return sizeOrMinusOne(file) == size && Sha256.of(file).equals(out.hex());
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty, or not ours to remove
        }
    }

    private static boolean isTextBusy(IOException e) {
        return String.valueOf(e.getMessage()).contains("Text file busy");
    }

    private void checkReproducible(ActionId action, OutputId out) throws IOException {
        if (!verify) {
            return;
        }
        IndexEntry old = readEntry(indexFile(action), action);
        if (old != null && !old.outputId().equals(out)) {
            throw new NonReproducibleException(action, old.outputId(), out);
        }
    }

    private Lookup.Hit writeEntry(ActionId action, OutputId out, long size) throws IOException {
        long now = UnixNanos.now(clock);
        Path index = indexFile(action);
        // The action's subdirectory is usually not the content's: it needs making too.
        AtomicFiles.createDirectory(index.getParent());
        AtomicFiles.write(index, new IndexEntry(action, out, size, now).encode(), AtomicFiles.MODE_0666);
        return new Lookup.Hit(out, size, now);
    }

    @Override
    public Path outputFile(OutputId output) throws IOException {
        Path content = contentPath(output);
        if (Files.isDirectory(content)) {
            Path file = executableIn(content);
            if (file == null) {
                throw new NoSuchFileException(content.toString(), null, "no executable in content directory");
            }
            return file;
        }
        return content;
    }

    /** The one executable in a content directory (temporary files and archives beside it are skipped). */
    static Path executableIn(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && ProgramName.problem(name) == null && Files.isRegularFile(f)) {
                    return f;
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return null;
    }

    /**
     * Marks an entry used now, unless it was marked within the last hour: a hit normally costs
     * no write, and trim's resolution of a day does not need more.
     */
    void markUsed(Path file) {
        try {
            markUsed(file, Files.getLastModifiedTime(file));
        } catch (IOException e) {
            // A vanished entry is still a hit for this caller; the next get will miss.
        }
    }

    private void markUsed(Path file, FileTime mtime) {
        Instant now = clock.instant();
        if (mtime.toInstant().isBefore(now.minus(MARK_USED_AFTER))) {
            try {
                Files.setLastModifiedTime(file, FileTime.from(now));
            } catch (IOException e) {
                // A read-only or vanished entry is still a hit; trim may just see it as older.
            }
        }
    }

    Path indexFile(ActionId action) {
        return root.resolve(action.hex().substring(0, 2)).resolve(action.hex() + "-a");
    }

    Path contentPath(OutputId output) {
        return root.resolve(output.hex().substring(0, 2)).resolve(output.hex() + "-d");
    }

    private static long sizeOrMinusOne(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? a.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        // Take each count out atomically, so that one added meanwhile is written by the next close.
        Map<String, Long> taken = new TreeMap<>();
        for (String name : counts.keySet()) {
            Long n = counts.remove(name);
            if (n != null) {
                taken.put(name, n);
            }
        }
        Counters.add(root, taken);
    }
}
