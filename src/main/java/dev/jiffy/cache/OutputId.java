package dev.jiffy.cache;

/** The SHA-256 of an action's output bytes: the name of a content file. */
public record OutputId(String hex) {
    public OutputId {
        if (!Sha256.isHex64(hex)) {
            throw new IllegalArgumentException("output ID is not 64 lowercase hex digits: " + hex);
        }
    }

    public static OutputId of(byte[] content) {
        return new OutputId(Sha256.of(content));
    }

    // Written out rather than left to the record: the generated ones bootstrap through method
    // handles, which costs a fresh JVM tens of milliseconds on a hit's path.
    @Override
    public boolean equals(Object o) {
        return o instanceof OutputId other && hex.equals(other.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return hex;
    }
}
