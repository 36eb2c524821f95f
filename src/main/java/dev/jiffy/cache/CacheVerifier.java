package dev.jiffy.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jiffy cache verify}: re-hashes every content file against the output ID it is named by
 * and removes those that differ, so that a later get is a miss and a rebuild, never bad bytes.
 * Index entries that do not parse are removed too.
 */
public final class CacheVerifier {
    /** What verify found: files checked and files removed, each with why. */
    public record Report(int checked, List<String> removed) {}

    private CacheVerifier() {}

    public static Report verify(Path root) throws IOException {
        int checked = 0;
        List<String> removed = new ArrayList<>();
        for (Entries.Entry e : Entries.scan(root)) {
            String name = e.path().getFileName().toString();
            String id = name.substring(0, Math.max(0, name.length() - 2));
            String problem = switch (e.kind()) {
                case INDEX -> Sha256.isHex64(id) && IndexEntry.decode(Files.readAllBytes(e.path()), new ActionId(id)) != null
                        ? null : "malformed index entry";
                case CONTENT -> contentProblem(id, e.path());
                case EXECUTABLE -> {
                    Path exe = DiskCache.executableIn(e.path());
                    yield exe == null ? "no executable in directory" : contentProblem(id, exe);
                }
                case TEMP -> null;
            };
            if (e.kind() != Entries.Kind.TEMP) {
                checked++;
            }
            if (problem != null) {
                e.remove();
                removed.add(e.path() + ": " + problem);
            }
        }
        return new Report(checked, removed);
    }

    private static String contentProblem(String expected, Path file) throws IOException {
        if (!Sha256.isHex64(expected)) {
            return "name is not an output ID";
        }
        String actual = Sha256.of(file);
        return actual.equals(expected) ? null : "content hashes to " + actual;
    }
}
