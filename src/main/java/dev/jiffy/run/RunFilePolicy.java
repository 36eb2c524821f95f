package dev.jiffy.run;

import dev.jiffy.work.BuildReporter;
import dev.jiffy.work.BuildResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a run file may be written and what it checks beyond its inputs. The racy rule and the
 * expiry are {@link RunFiles#write}'s; here: every input must have been read under a stamp, and
 * every variable the build read must be one sh can test, with jiffy's own settings that change
 * what a run means (the JDK, offline) pinned too.
 */
final class RunFilePolicy {
    private final Map<String, String> env;
    private final Clock clock;
    private final BuildReporter reporter;

    RunFilePolicy(Map<String, String> env, Clock clock, BuildReporter reporter) {
        this.env = env;
        this.clock = clock;
        this.reporter = reporter;
    }

    /** Writes the run file at {@code file}, or says under -x why there is none. */
    void write(Path file, JvmPath.Built built, LaunchCommand launch) {
        BuildResult result = built.result();
        if (built.stamps().containsValue(null)) {
            reporter.step("no run file: an input was read without a stamp");
            return;
        }
        if (!result.environment().keySet().stream().allMatch(n -> n.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
            reporter.step("no run file: a directive reads a variable that sh cannot check");
            return;
        }
        try {
            if (!RunFiles.write(file, built.stamps(), result.executable(), launch, checkedEnv(result), clock)) {
                reporter.step("no run file yet: an input changed within the last 2 seconds");
            }
        } catch (IOException e) {
            reporter.step("no run file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * The settings a build depends on, which the run file checks are unchanged before it execs:
     * jiffy's own, and those the program's directives read.
     */
    Map<String, String> checkedEnv(BuildResult result) {
        Map<String, String> checked = new LinkedHashMap<>(result.environment());
        // After a switch for //JAVA the user's own setting is what the next run will see.
        String javaHome = env.containsKey(JdkSwitch.SWITCHED_FROM) ? env.get(JdkSwitch.SWITCHED_FROM)
                : env.getOrDefault("JAVA_HOME", "");
        checked.put("JAVA_HOME", javaHome);
        if (javaHome.isEmpty()) {
            checked.put("PATH", env.getOrDefault("PATH", ""));
        }
        checked.put("JIFFY_OFFLINE", env.getOrDefault("JIFFY_OFFLINE", ""));
        // Not JIFFY_REMOTE_CACHE: a run file's program is already local, and the URL may hold a token,
        // which must not be written to disk.
        return checked;
    }
}
