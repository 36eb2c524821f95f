package dev.jiffy.cli;

import java.time.Duration;
import java.util.Map;

/**
 * The compile server's settings: {@code JIFFY_DAEMON} (0 turns it off), {@code JIFFY_DAEMON_IDLE}
 * (how long it waits for work before it exits) and {@code JIFFY_DAEMON_HEAP} (its {@code -Xmx},
 * which bin/jiffy gives it).
 */
public record DaemonSettings(boolean enabled, Duration idle, String heap) {
    static final String DEFAULT_IDLE = "3h";
    static final String DEFAULT_HEAP = "768m";

    static DaemonSettings from(Map<String, String> env) throws UsageException {
        String on = env.getOrDefault("JIFFY_DAEMON", "");
        if (!on.isEmpty() && !on.equals("0") && !on.equals("1")) {
            throw new UsageException("JIFFY_DAEMON=" + on + ": expected 1 (on) or 0 (off)");
        }
        String idle = env.getOrDefault("JIFFY_DAEMON_IDLE", "");
        Duration d = Quantities.parseAge(idle.isEmpty() ? DEFAULT_IDLE : idle);
        if (d == null || d.isZero()) {
            throw new UsageException("JIFFY_DAEMON_IDLE=" + idle + ": not an age (examples: 3h, 30m, 90s)");
        }
        String heap = env.getOrDefault("JIFFY_DAEMON_HEAP", "");
        if (!heap.isEmpty() && !heap.matches("[1-9][0-9]*[kKmMgG]")) {
            throw new UsageException("JIFFY_DAEMON_HEAP=" + heap + ": not a heap size (examples: 512m, 2g)");
        }
        return new DaemonSettings(!on.equals("0"), d, heap.isEmpty() ? DEFAULT_HEAP : heap);
    }

    /** JIFFY_DAEMON_IDLE for the server itself, whose launcher checked it: the default if it does not parse. */
    public static Duration idleOf(Map<String, String> env) {
        try {
            return from(env).idle();
        } catch (UsageException e) {
            return Quantities.parseAge(DEFAULT_IDLE);
        }
    }

    void addTo(Map<String, String> settings) {
        settings.put("JIFFY_DAEMON", enabled ? "1" : "0");
        long s = idle.toSeconds();
        settings.put("JIFFY_DAEMON_IDLE", s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s");
        settings.put("JIFFY_DAEMON_HEAP", heap);
    }
}
