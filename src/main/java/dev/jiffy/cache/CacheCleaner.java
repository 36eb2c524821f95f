package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code jiffy clean -cache}: renames the cache away in one step, then deletes the renamed tree.
 * A process using the cache meanwhile sees either the whole old cache or none (its next put
 * fails and is a warning), never a half-deleted one (Go's golang/go#31948).
 */
public final class CacheCleaner {
    private static final String TRASH = ".trash-";

    private CacheCleaner() {}

    /** Removes the cache at {@code root}; returns false if there was none. */
    public static boolean clean(Path root) throws IOException {
        Path parent = root.toAbsolutePath().getParent();
        String trashPrefix = "." + root.getFileName() + TRASH;
        boolean existed = Files.isDirectory(root);
        if (existed) {
            CacheDirectory.check(root);
            Path trash = parent.resolve(trashPrefix + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.move(root, trash, StandardCopyOption.ATOMIC_MOVE);
        }
        // Also finish earlier cleans that were interrupted.
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, trashPrefix + "*")) {
            for (Path t : siblings) {
                Entries.remove(t);
            }
        }
        return existed;
    }
}
