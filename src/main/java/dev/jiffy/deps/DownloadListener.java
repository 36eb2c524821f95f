package dev.jiffy.deps;

/**
 * Download progress as the command line shows it; the resolver's own listener types stay inside
 * {@link MavenResolver}, so that code which never resolves never loads them.
 */
public interface DownloadListener {
    /** Bytes done of a file being downloaded; {@code total} is -1 when unknown. */
    void progressed(String file, long done, long total);

    /** The download of a file ended, well or not. */
    void finished(String file);
}
