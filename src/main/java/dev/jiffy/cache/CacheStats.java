package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code jiffy cache stat} prints: sizes from a scan, counters from {@code counters.txt}.
 *
 * @param archiveBytes the part of {@code bytes} that is class-data archives beside executables
 *                     (files named {@link #ARCHIVE_PREFIX}...), derived data of their executable
 */
public record CacheStats(int entries, int contentFiles, int executables, long bytes, long archiveBytes,
        long oldestUseMillis, long newestUseMillis, Map<String, Long> counters) {
    /** How the class-data archives beside an executable are named; trim removes them with it. */
    public static final String ARCHIVE_PREFIX = ".cds-";

    public static CacheStats of(Path root) throws IOException {
        int entries = 0;
        int content = 0;
        int executables = 0;
        long bytes = 0;
        long archives = 0;
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (Entries.Entry e : Entries.scan(root)) {
            bytes += e.size();
            switch (e.kind()) {
                case INDEX -> {
                    entries++;
                    oldest = Math.min(oldest, e.mtimeMillis());
                    newest = Math.max(newest, e.mtimeMillis());
                }
                case CONTENT -> content++;
                case EXECUTABLE -> {
                    executables++;
                    archives += Entries.directorySize(e.path(), ARCHIVE_PREFIX + "*");
                }
                case TEMP -> { }
            }
        }
        return new CacheStats(entries, content, executables, bytes, archives,
                entries == 0 ? 0 : oldest, entries == 0 ? 0 : newest, Counters.read(root));
    }
}
