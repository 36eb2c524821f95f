package dev.jiffy.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JIFFY_* settings, read once from the environment into a value that is passed down; no
 * code below the command line reads the environment itself.
 */
record Settings(String cacheSetting, Path cacheDir, long cacheMax, Duration trimAge, String remoteCache,
        String remoteHeaders, boolean remoteUpload, boolean remoteTests, boolean offline, boolean verify, boolean debug,
        boolean debugHash) {

    static final String DEFAULT_CACHE_MAX = "10G";
    static final String DEFAULT_TRIM_AGE = "5d";

    /** Reads the settings; a value that does not parse is a usage error naming the setting. */
    static Settings from(Map<String, String> env) throws UsageException {
        String cache = env.getOrDefault("JIFFY_CACHE", "");
        Path cacheDir;
        if (cache.equals("off")) {
            cacheDir = null;
        } else if (!cache.isEmpty()) {
            if (!cache.startsWith("/")) {
                throw new UsageException("JIFFY_CACHE=" + cache + ": must be an absolute path or \"off\"");
            }
            cacheDir = Path.of(cache);
        } else {
            cacheDir = defaultCacheDir(env);
        }
        String max = env.getOrDefault("JIFFY_CACHE_MAX", "");
        long cacheMax = Quantities.parseSize(max.isEmpty() ? DEFAULT_CACHE_MAX : max);
        if (cacheMax < 0) {
            throw new UsageException("JIFFY_CACHE_MAX=" + max + ": not a size (examples: 10G, 512M, 1048576)");
        }
        String age = env.getOrDefault("JIFFY_TRIM_AGE", "");
        Duration trimAge = Quantities.parseAge(age.isEmpty() ? DEFAULT_TRIM_AGE : age);
        if (trimAge == null) {
            throw new UsageException("JIFFY_TRIM_AGE=" + age + ": not an age (examples: 5d, 12h, 30m)");
        }
        String remote = env.getOrDefault("JIFFY_REMOTE_CACHE", "");
        String headers = env.getOrDefault("JIFFY_REMOTE_HEADERS", "");
        checkRemote(remote, headers);
        DaemonSettings.from(env); // checked with the rest, so that every command names a bad one
        return new Settings(cache, cacheDir, cacheMax, trimAge, remote, headers, optIn(env, "JIFFY_REMOTE_UPLOAD"),
                optIn(env, "JIFFY_REMOTE_TESTS"),
                flag(env, "JIFFY_OFFLINE"), flag(env, "JIFFY_VERIFY"), flag(env, "JIFFY_DEBUG"), flag(env, "JIFFY_DEBUG_HASH"));
    }

    /**
     * A remote cache setting that cannot work is an error like any other bad setting; the
     * message names the setting and the problem, never the value, which may hold a secret.
     */
    private static void checkRemote(String url, String headers) throws UsageException {
        try {
            if (!url.isEmpty()) {
                dev.jiffy.remote.RemoteUrl.parse(url);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("JIFFY_REMOTE_CACHE: " + e.getMessage()
                    + " (expected http(s)://[user:token@]host[:port][/prefix])");
        }
        try {
            if (!headers.isEmpty()) {
                dev.jiffy.remote.RemoteHeaders.parse(headers);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("JIFFY_REMOTE_HEADERS: " + e.getMessage()
                    + " (expected Name=value entries separated by commas or newlines)");
        }
    }

    /** Go's os.UserCacheDir rule: $XDG_CACHE_HOME if set and absolute, else $HOME/.cache. */
    private static Path defaultCacheDir(Map<String, String> env) throws UsageException {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        if (xdg.startsWith("/")) {
            return Path.of(xdg, "jiffy");
        }
        String home = env.getOrDefault("HOME", "");
        if (!home.startsWith("/")) {
            throw new UsageException("neither JIFFY_CACHE, XDG_CACHE_HOME nor HOME is set to an absolute path; set JIFFY_CACHE");
        }
        return Path.of(home, ".cache", "jiffy");
    }

    /**
     * A setting that turns on something others will see (an upload to a shared cache): on only
     * for 1 or true, off for 0, false or nothing, and anything else is an error rather than a
     * guess, so that JIFFY_REMOTE_UPLOAD=no or =off never uploads.
     */
    private static boolean optIn(Map<String, String> env, String name) throws UsageException {
        String v = env.getOrDefault(name, "");
        if (v.isEmpty() || v.equals("0") || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equals("1") || v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new UsageException(name + "=" + v + ": expected 1 (on) or 0 (off)");
    }

    /** An on/off setting: off when unset, empty, 0 or false (in any case), on otherwise. */
    static boolean flag(Map<String, String> env, String name) {
        String v = env.getOrDefault(name, "");
        return !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    boolean cacheEnabled() {
        return cacheDir != null;
    }

    /** The settings as `jiffy env` prints them, in a fixed order. */
    Map<String, String> asEnv(Map<String, String> env) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("JIFFY_CACHE", cacheDir == null ? "off" : cacheDir.toString());
        m.put("JIFFY_CACHE_MAX", env.getOrDefault("JIFFY_CACHE_MAX", "").isEmpty() ? DEFAULT_CACHE_MAX : env.get("JIFFY_CACHE_MAX"));
        m.put("JIFFY_TRIM_AGE", env.getOrDefault("JIFFY_TRIM_AGE", "").isEmpty() ? DEFAULT_TRIM_AGE : env.get("JIFFY_TRIM_AGE"));
        m.put("JIFFY_REMOTE_CACHE", RedactedUrl.of(remoteCache));
        m.put("JIFFY_REMOTE_HEADERS", remoteHeaders.isEmpty() ? "" : dev.jiffy.remote.RemoteHeaders.redacted(remoteHeaders));
        m.put("JIFFY_REMOTE_UPLOAD", remoteUpload ? "1" : "0");
        m.put("JIFFY_REMOTE_TESTS", remoteTests ? "1" : "0");
        m.put("JIFFY_OFFLINE", offline ? "1" : "0");
        m.put("JIFFY_VERIFY", verify ? "1" : "0");
        m.put("JIFFY_DEBUG", debug ? "1" : "0");
        return m;
    }
}
