package dev.jiffy.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A listing of the 256 subdirectories, shared by trim, stat and verify. */
final class Entries {
    enum Kind { INDEX, CONTENT, EXECUTABLE, TEMP }

    /** One entry; for an executable, {@code size} counts every file in its directory. */
    record Entry(Path path, Kind kind, long mtimeMillis, long size) {
        /**
         * Removes the entry. The scan already knows whether it is a directory, so a file goes with
         * one unlink: java.io's delete makes that one call, where Files.delete stats first.
         */
        void remove() throws IOException {
            if (kind == Kind.EXECUTABLE) {
                Entries.remove(path);
            } else if (!path.toFile().delete() && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(path + ": cannot remove it");
            }
        }

        /**
         * Removes the entry unless it is an executable used since the scan (its time changed): a
         * run that found it then is about to start a JVM on it. Returns whether it was removed.
         */
        boolean removeIfUnused() throws IOException {
            if (kind == Kind.EXECUTABLE) {
                try {
                    if (Files.getLastModifiedTime(path).toMillis() != mtimeMillis) {
                        return false;
                    }
                } catch (NoSuchFileException e) {
                    return false; // another trim or a clean removed it
                }
            }
            remove();
            return true;
        }
    }

    private Entries() {}

    /** Lists the 256 subdirectories, several at once (the work is system calls, not computing). */
    static List<Entry> scan(Path root) throws IOException {
        try {
            return IntStream.range(0, 256).parallel()
                    .mapToObj(i -> scanQuietly(root.resolve(String.format("%02x", i))))
                    .flatMap(List::stream)
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Entry> scanQuietly(Path sub) {
        List<Entry> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
            for (Path f : files) {
                Entry e = entry(f);
                if (e != null) {
                    found.add(e);
                }
            }
        } catch (NoSuchFileException e) {
            // Subdirectories are made on first use.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Removes the entries that are unused, several at once; returns those removed. */
    static List<Entry> removeUnused(List<Entry> entries) throws IOException {
        try {
            return entries.parallelStream().filter(e -> {
                try {
                    return e.removeIfUnused();
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Entry entry(Path f) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null; // removed by another process while we listed
        }
        String name = f.getFileName().toString();
        long mtime = a.lastModifiedTime().toMillis();
        if (name.startsWith(AtomicFiles.TEMP_PREFIX)) {
            return new Entry(f, Kind.TEMP, mtime, a.size());
        }
        if (name.endsWith("-a")) {
            return new Entry(f, Kind.INDEX, mtime, a.size());
        }
        if (name.endsWith("-d")) {
            return a.isDirectory()
                    ? new Entry(f, Kind.EXECUTABLE, mtime, directorySize(f, "*"))
                    : new Entry(f, Kind.CONTENT, mtime, a.size());
        }
        return null;
    }

    /** The bytes of the files in {@code dir} whose names match {@code glob}; 0 for a directory gone meanwhile. */
    static long directorySize(Path dir, String glob) throws IOException {
        long size = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                try {
                    size += Files.size(f);
                } catch (NoSuchFileException e) {
                    // removed while we listed
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return size;
    }

    /** Removes a file, or a directory and what it holds; gone already is fine. */
    static void remove(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
                for (Path f : files) {
                    remove(f);
                }
            } catch (NoSuchFileException e) {
                return;
            }
        }
        Files.deleteIfExists(path);
    }
}
