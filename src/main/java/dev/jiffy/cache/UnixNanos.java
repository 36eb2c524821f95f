package dev.jiffy.cache;

import java.time.Clock;
import java.time.Instant;

/**
 * Times as nanoseconds since the Unix epoch, the unit of index entries, stat stamps and
 * manifests, so that they compare as plain longs.
 */
public final class UnixNanos {
    private UnixNanos() {}

    public static long of(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The clock's time now, read once (two reads could straddle a second). */
    public static long now(Clock clock) {
        return of(clock.instant());
    }
}
