package dev.jiffy.harness;

import java.nio.file.Path;
import java.util.List;

/** What a command did: its exit status and everything it printed. */
public record Result(int exit, String out, String err) {
    public List<String> errLines() {
        return err.lines().toList();
    }

    /** The path after "cache hit: " or "built: " (printed under -x), or null if none. */
    public Path executable() {
        for (String line : errLines()) {
            if (line.startsWith("cache hit: ")) {
                return Path.of(line.substring("cache hit: ".length()));
            }
            if (line.startsWith("built: ")) {
                return Path.of(line.substring("built: ".length()));
            }
        }
        return null;
    }

    public boolean hit() {
        return errLines().stream().anyMatch(l -> l.startsWith("cache hit: "));
    }

    public boolean compiled() {
        return errLines().stream().anyMatch(l -> l.startsWith("javac "));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
