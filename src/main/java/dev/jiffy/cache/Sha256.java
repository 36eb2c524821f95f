package dev.jiffy.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as 64 lowercase hex digits, the form every ID in the cache takes. */
public final class Sha256 {
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    /** A fresh digest; SHA-256 is required of every Java platform, so its absence is a bug. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JDK", e);
        }
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    public static String of(byte[] content) {
        return hex(newDigest().digest(content));
    }

    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return hex(digest.digest());
    }

    /** True for exactly 64 lowercase hex digits. */
    public static boolean isHex64(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
