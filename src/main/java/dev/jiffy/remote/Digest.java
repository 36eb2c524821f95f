package dev.jiffy.remote;

import dev.jiffy.cache.Sha256;

/** A blob's name in the remote CAS: its SHA-256 as 64 lowercase hex digits, and its size. */
public record Digest(String sha256, long size) {
    public Digest {
        if (!Sha256.isHex64(sha256)) {
            throw new IllegalArgumentException("digest is not 64 lowercase hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("digest size is negative: " + size);
        }
    }

    public static Digest of(byte[] content) {
        return new Digest(Sha256.of(content), content.length);
    }

    /** True if {@code content} is exactly the blob this digest names. */
    public boolean matches(byte[] content) {
        return content.length == size && Sha256.of(content).equals(sha256);
    }


    @Override
    public String toString() {
        return sha256 + "/" + size;
    }
}
