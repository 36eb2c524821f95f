package dev.jiffy.remote;

/** Where the remote tier's messages go; the command line decides how to print them. */
public interface RemoteListener {
    /** A step: where a hit came from, what was uploaded (printed under -x). */
    void trace(String line);

    /** A remote failure that became a miss; called at most once per {@link TieredCache}. */
    void warning(String line);
}
