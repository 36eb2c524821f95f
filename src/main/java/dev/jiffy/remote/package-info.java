/**
 * The remote tier: Bazel's HTTP cache protocol ({@code /ac} and {@code /cas}) in front of any
 * {@link dev.jiffy.cache.Cache}. {@link dev.jiffy.remote.TieredCache} is the boundary where every
 * remote failure becomes a miss and at most one warning.
 */
package dev.jiffy.remote;
