package dev.jiffy.run;

import dev.jiffy.work.ToolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** jiffy's own code: where it is, its release, and the build version that action IDs start with. */
public final class ToolCode {
    private ToolCode() {}

    /** Where jiffy's own classes are: its jar, or a classes directory in tests. */
    public static Path location() {
        try {
            return Path.of(ToolCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("jiffy's own code location is not a file", e);
        }
    }

    /** The release Maven wrote into the jar at build time, or {@code devel}. */
    public static String release() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ToolCode.class.getResourceAsStream("/dev/jiffy/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p.getProperty("version", "devel");
    }

    /**
     * jiffy's own version for action IDs. Hashing its jar costs a cold JVM ~60 ms, so the hash is
     * kept in a stat manifest of its own and redone only when the jar changes. The manifest lives
     * beside the jar, so that a new cache (a CI machine's, filled from a remote cache) does not
     * hash it again; in the cache when jiffy's directory is not writable.
     *
     * @param cacheRoot the cache, or null when it is temporary
     */
    public static String version(Path cacheRoot, Clock clock) throws IOException {
        Path code = location();
        Path beside = code.resolveSibling("." + code.getFileName() + ".stat");
        Path where = Files.isRegularFile(code) && Files.isWritable(code.getParent()) ? beside
                : cacheRoot != null ? RunFiles.manifestLocation(cacheRoot, "/@jiffy") : null;
        // This manifest keeps only the jar's hash, which no version of jiffy reads differently.
        StatManifest manifest = StatManifest.load(where, "any");
        String version = ToolVersion.of(release(), code, manifest);
        manifest.saveQuietly(clock);
        return version;
    }

    /** The inputs plus jiffy's own jar: a new jiffy must not run programs an older one built. */
    static List<Path> withToolCode(List<Path> inputs) {
        List<Path> all = new ArrayList<>(inputs);
        if (Files.isRegularFile(location())) {
            all.add(location());
        }
        return all;
    }
}
