package dev.jiffy.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Action IDs and expected paths for tests, computed without the cache's own code. */
final class Ids {
    private Ids() {}

    /** A stable action ID named by a word, so that tests and child processes agree on keys. */
    static ActionId action(String name) {
        return new ActionId(sha256("action " + name));
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <root>/<xx>/<actionID>-a}. */
    static Path indexFile(Path root, ActionId action) {
        return root.resolve(action.hex().substring(0, 2)).resolve(action.hex() + "-a");
    }

    /** {@code <root>/<xx>/<outputID>-d}: the content file, or the directory of an executable. */
    static Path contentPath(Path root, OutputId output) {
        return root.resolve(output.hex().substring(0, 2)).resolve(output.hex() + "-d");
    }
}
