package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A listing of the 256 subdirectories, shared by trim, stat and verify. */
final class Entries {
    enum Kind { INDEX, CONTENT, EXECUTABLE, TEMP }

    /** One entry; for an executable, {@code size} counts every file in its directory. */
    record Entry(Path path, Kind kind, long mtimeMillis, long size) {}

    private Entries() {}

    static List<Entry> scan(Path root) throws IOException {
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            Path sub = root.resolve(String.format("%02x", i));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
                for (Path f : files) {
                    Entry e = entry(f);
                    if (e != null) {
                        all.add(e);
                    }
                }
            } catch (NoSuchFileException e) {
                // Subdirectories are made on first use.
            }
        }
        return all;
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
                    ? new Entry(f, Kind.EXECUTABLE, mtime, directorySize(f))
                    : new Entry(f, Kind.CONTENT, mtime, a.size());
        }
        return null;
    }

    private static long directorySize(Path dir) throws IOException {
        long size = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
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
