/**
 * The build cache on disk, in the layout of Go's {@code cmd/go/internal/cache}: index entries map
 * action IDs to output IDs, content files hold outputs, executables sit in directories named by
 * their output. Writes are atomic, a damaged entry is a miss, trim keeps it under its size cap.
 * Callers use the {@link dev.jiffy.cache.Cache} interface. This package depends on no other of jiffy's.
 */
package dev.jiffy.cache;
