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

    @Override
    public String toString() {
        return hex;
    }
}
