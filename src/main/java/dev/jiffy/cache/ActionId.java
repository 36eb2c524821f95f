package dev.jiffy.cache;

/** The SHA-256 of everything that can change an action's output: the key of an index entry. */
public record ActionId(String hex) {
    public ActionId {
        if (!Sha256.isHex64(hex)) {
            throw new IllegalArgumentException("action ID is not 64 lowercase hex digits: " + hex);
        }
    }

    // Written out rather than left to the record: the generated ones bootstrap through method
    // handles, which costs a fresh JVM tens of milliseconds on a hit's path.
    @Override
    public boolean equals(Object o) {
        return o instanceof ActionId other && hex.equals(other.hex);
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
