package dev.jiffy.remote;

import java.io.IOException;

/**
 * The remote cache answered, but not with something usable. A bad entry (garbage, wrong bytes,
 * content missing) is a miss for that action only; a refusal (401, 403, 5xx, an unexpected
 * status) means the server should not be asked again in this run.
 */
public final class RemoteCacheException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean badEntry;

    private RemoteCacheException(String message, boolean badEntry) {
        super(message);
        this.badEntry = badEntry;
    }

    static RemoteCacheException badEntry(String message) {
        return new RemoteCacheException(message, true);
    }

    static RemoteCacheException refused(String message) {
        return new RemoteCacheException(message, false);
    }

    /** True when only this entry is bad and the server may still serve others. */
    public boolean badEntry() {
        return badEntry;
    }
}
