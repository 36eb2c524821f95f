package dev.jiffy.work;

import dev.jiffy.cache.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * jiffy's own build version for action IDs: its release plus a hash of its code, so that a
 * changed jiffy never reuses outputs of an older one (Go keys on the toolchain's build ID).
 */
public final class ToolVersion {
    private ToolVersion() {}

    /** The version of the code at {@code code}, a jar (hashed through {@code scanner}) or a classes directory. */
    public static String of(String release, Path code, SourceScanner scanner) throws IOException {
        String hash = Files.isRegularFile(code) ? scanner.scan(code, code.toString()).sha256() : directoryHash(code);
        return release + " " + hash.substring(0, 16);
    }

    private static String directoryHash(Path code) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (Stream<Path> walk = Files.walk(code)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                digest.update(code.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
        }
        return Sha256.hex(digest.digest());
    }
}
