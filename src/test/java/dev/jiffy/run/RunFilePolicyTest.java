package dev.jiffy.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.OutputId;
import dev.jiffy.harness.RecordingReporter;
import dev.jiffy.work.BuildResult;
import dev.jiffy.work.Jdk;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run file checks of the settings, and when none is written. */
class RunFilePolicyTest {
    @TempDir
    Path temp;
    final RecordingReporter reporter = new RecordingReporter();

    @Test
    void itPinsTheJdkTheOfflineSettingAndWhatTheDirectivesRead() {
        RunFilePolicy policy = policy(Map.of("JAVA_HOME", "/jdk", "PATH", "/bin", "JIFFY_OFFLINE", "1"));

        assertThat(policy.checkedEnv(result(Map.of("GREETING", "hi"))))
                .containsExactly(Map.entry("GREETING", "hi"), Map.entry("JAVA_HOME", "/jdk"), Map.entry("JIFFY_OFFLINE", "1"));
    }

    @Test
    void withoutJavaHomeThePathChoosesTheJdk() {
        assertThat(policy(Map.of("PATH", "/usr/bin")).checkedEnv(result(Map.of())))
                .containsEntry("JAVA_HOME", "").containsEntry("PATH", "/usr/bin").containsEntry("JIFFY_OFFLINE", "");
    }

    @Test
    void afterASwitchForJavaTheUsersOwnJavaHomeIsWhatIsChecked() {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", "/switched-to", "PATH", "/bin"));
        env.put(JdkSwitch.SWITCHED_FROM, "/users-own");

        assertThat(policy(env).checkedEnv(result(Map.of()))).containsEntry("JAVA_HOME", "/users-own").doesNotContainKey("PATH");
    }

    @Test
    void noRunFileForAVariableShCannotTestOrAnInputReadWithoutAStamp() {
        Path file = temp.resolve("run/x.run");
        LaunchCommand launch = new LaunchCommand(Path.of("/bin/java"), List.of(), temp.resolve("exe"), "Main", null, List.of(), false);

        policy(Map.of()).write(file, new JvmPath.Built(result(Map.of("NOT-A-NAME", "x")), new HashMap<>()), launch);
        Map<Path, String> unstamped = new HashMap<>();
        unstamped.put(temp.resolve("A.java"), null);
        policy(Map.of()).write(file, new JvmPath.Built(result(Map.of()), unstamped), launch);

        assertThat(reporter.steps).containsExactly("no run file: a directive reads a variable that sh cannot check",
                "no run file: an input was read without a stamp");
        assertThat(file).doesNotExist();
    }

    private RunFilePolicy policy(Map<String, String> env) {
        return new RunFilePolicy(env, Clock.systemUTC(), reporter);
    }

    private BuildResult result(Map<String, String> environment) {
        return new BuildResult(temp.resolve("exe"), new OutputId("a".repeat(64)), "Main", Jdk.current(), List.of(), true,
                Map.of(), environment);
    }
}
