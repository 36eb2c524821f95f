package dev.jiffy.work;

/** Where a build's messages go; the command line decides how to print them. */
public interface BuildReporter {
    /** A step, printed under -n and -x (and what is compiled, under -v). */
    void step(String line);

    /** What the build did and why, printed under -x only: each action's ID, hit or miss, and a miss's reason. */
    void trace(String line);

    /** Compiler output: diagnostics of a failed compile, warnings of a good one (again on a hit). */
    void compilerOutput(String text);

    /** The lines behind an action ID, under JIFFY_DEBUG_HASH=1. */
    void hashLines(String action, java.util.List<String> lines);

    /** Something the user should know that does not stop the build. */
    void warning(String line);

    /** Detail printed under -v (duplicate classes in a flattened executable, ...). */
    void verbose(String line);

    /** Where download progress goes, or null for none. */
    dev.jiffy.deps.DownloadListener downloads();
}
