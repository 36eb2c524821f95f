package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * An action ID built from readable lines, so that {@code JIFFY_DEBUG_HASH=1} can print exactly
 * what went into it (Go's {@code GODEBUG=gocachehash=1}) and two IDs can be compared by eye.
 */
public final class ActionKey {
    private final String action;
    private final MessageDigest digest = Sha256.newDigest();
    private final List<String> lines = new ArrayList<>();

    ActionKey(String action, String toolVersion, Jdk jdk) {
        this.action = action;
        add("jiffy " + toolVersion);
        add("action " + action);
        add("jdk " + jdk.describe());
    }

    public ActionKey add(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("action key line with a newline: " + line);
        }
        lines.add(line);
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public ActionId id() {
        try {
            return new ActionId(Sha256.hex(((MessageDigest) digest.clone()).digest()));
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("SHA-256 digests are cloneable", e);
        }
    }

    public String action() {
        return action;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
