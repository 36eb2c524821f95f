package dev.jiffy.cache;

/** The SHA-256 of everything that can change an action's output: the key of an index entry. */
public record ActionId(String hex) {
    public ActionId {
        if (!Sha256.isHex64(hex)) {
            throw new IllegalArgumentException("action ID is not 64 lowercase hex digits: " + hex);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
