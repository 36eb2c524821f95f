package dev.jiffy.cache;

import java.io.IOException;

/** A cache directory that must not be used, because someone else could plant programs in it. */
public final class CacheRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    CacheRefusedException(String message) {
        super(message);
    }
}
