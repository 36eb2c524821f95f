package dev.jiffy.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's configuration directory: {@code $XDG_CONFIG_HOME/jiffy}, else
 * {@code $HOME/.config/jiffy} ({@code $HOME}, not only Java's {@code user.home}), never the
 * cache, which others may share or fill: what the user trusts and installed lives here.
 */
record ConfigDirectory(Path dir) {
    /** The directory; a usage error naming {@code what} when neither variable names one. */
    static ConfigDirectory of(Map<String, String> env, String what) throws UsageException {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        String home = env.getOrDefault("HOME", "");
        Path dir = xdg.startsWith("/") ? Path.of(xdg, "jiffy") : home.startsWith("/") ? Path.of(home, ".config", "jiffy") : null;
        if (dir == null) {
            throw new UsageException("neither XDG_CONFIG_HOME nor HOME is an absolute path: no place for " + what);
        }
        return new ConfigDirectory(dir);
    }
}
