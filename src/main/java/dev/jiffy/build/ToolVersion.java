package dev.jiffy.build;

import dev.jiffy.cache.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
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

    public static String of(String release) throws IOException {
        return release + " " + codeHash().substring(0, 16);
    }

    private static String codeHash() throws IOException {
        Path code;
        try {
            code = Path.of(ToolVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            return "unknown-code-location";
        }
        if (Files.isRegularFile(code)) {
            return Sha256.of(code);
        }
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
