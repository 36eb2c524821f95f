package dev.jiffy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a run file pins of an input: size, mtime, ctime and inode, written exactly as GNU
 * {@code stat -L -c '%s %.9Y %.9Z %i'} prints them, so the shell compares strings without
 * parsing. Any edit, replacement or added file (a directory's mtime) changes the stamp.
 */
record FileStamp(long size, long mtimeNanos, long ctimeNanos, long inode) {
    static final String STAT_FORMAT = "%s %.9Y %.9Z %i";

    static FileStamp of(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
        return new FileStamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                nanos((FileTime) a.get("ctime")), (Long) a.get("ino"));
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /** The line {@code stat} prints for this file. */
    String statLine() {
        return size + " " + seconds(mtimeNanos) + " " + seconds(ctimeNanos) + " " + inode;
    }

    /** Seconds with nine decimals; built by hand, as this runs on every JVM-path start and Formatter is slow to load. */
    private static String seconds(long nanos) {
        String fraction = Long.toString(Math.floorMod(nanos, 1_000_000_000L));
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + "000000000".substring(fraction.length()) + fraction;
    }

    /** The later of mtime and ctime: when the file last changed in any way. */
    long changedNanos() {
        return Math.max(mtimeNanos, ctimeNanos);
    }
}
