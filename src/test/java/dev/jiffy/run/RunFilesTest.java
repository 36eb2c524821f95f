package dev.jiffy.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run file's rules, each checked by sourcing a real file with sh as the launcher does: what
 * it pins, the racy rule, and the settings it checks.
 */
class RunFilesTest {
    @TempDir
    Path temp;
    Path source;
    Path executable;
    Path java;
    Path runFile;
    /** Ahead of the files' ctimes, which backdating cannot move, so that the racy rule lets a run file be written. */
    final Clock now = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10));

    @BeforeEach
    void setUp() throws Exception {
        source = Files.writeString(temp.resolve("Hello.java"), "class Hello {}\n");
        executable = Files.writeString(temp.resolve("Hello"), "a jar would be here\n");
        // Stands in for bin/java, so that sourcing a run file starts no JVM: it prints the main class and arguments.
        java = Files.writeString(temp.resolve("java"), "#!/bin/sh\nshift " + (LaunchCommand.STARTUP_FLAGS.size() + 2)
                + "\necho ran \"$@\"\n");
        java.toFile().setExecutable(true);
        backdate(source);
        backdate(executable);
        runFile = temp.resolve("cache/run/x/Hello.java.run");
    }

    @Test
    void runFileKeyIsTheAbsoluteTargetWithoutTrailingSlashes() {
        assertThat(RunFiles.key("/home/u/src", "Hello.java")).isEqualTo("/home/u/src/Hello.java");
        assertThat(RunFiles.key("/home/u/src", "app/")).isEqualTo("/home/u/src/app");
        assertThat(RunFiles.key("/home/u/src", "app///")).isEqualTo("/home/u/src/app");
        assertThat(RunFiles.key("/home/u/src", "/opt/tools/Tool.java")).isEqualTo("/opt/tools/Tool.java");
        assertThat(RunFiles.key("/home/u/src", "with space/A.java")).isEqualTo("/home/u/src/with space/A.java");
    }

    @Test
    void runFileKeyRefusesWhatCouldLeaveTheRunDirectoryOrNameOneFileTwice() {
        for (String arg : List.of("..", "./A.java", "../A.java", "a/../A.java", "a//A.java", "a/..", "a/./.",
                "new\nline.java")) {
            assertThat(RunFiles.key("/home/u/src", arg)).as(arg).isNull();
        }
        assertThat(RunFiles.key("/home/u/src", "/")).isNull();
        // A trailing /. names the directory itself, under the one key it has.
        assertThat(RunFiles.key("/home/u/src", ".")).isEqualTo("/home/u/src");
        assertThat(RunFiles.key("/home/u/src", "./")).isEqualTo("/home/u/src");
        assertThat(RunFiles.key("/home/u/src", "a/.")).isEqualTo(RunFiles.key("/home/u/src", "a"));
    }

    @Test
    void toolKeysAndWhereRunFilesAndManifestsLive() {
        assertThat(RunFiles.toolKey("g:a:1")).isEqualTo("/@tool/g:a:1");
        assertThat(RunFiles.toolKey("g:a/b:1")).isNull();
        assertThat(RunFiles.location(Path.of("/c"), "/w/Hello.java")).isEqualTo(Path.of("/c/run/w/Hello.java.run"));
        assertThat(RunFiles.manifestLocation(Path.of("/c"), "/w/Hello.java")).isEqualTo(Path.of("/c/run/w/Hello.java.stat"));
    }

    @Test
    void anUnchangedInputExecsTheProgramAndAnEditedOneReturnsToTheJvm() throws Exception {
        assertThat(write(Map.of())).isTrue();
        assertThat(Files.readString(runFile)).startsWith(RunFiles.HEADER);
        assertThat(source(Map.of(), "a", "b")).isEqualTo("ran Hello a b\n");

        Files.writeString(source, "class Hello { }\n");
        backdate(source);
        assertThat(source(Map.of(), "a")).isEqualTo("fell through 1\n");
    }

    @Test
    void aChangedExecutableReturnsToTheJvm() throws Exception {
        assertThat(write(Map.of())).isTrue();
        Files.writeString(executable, "another jar\n");
        backdate(executable);

        assertThat(source(Map.of())).isEqualTo("fell through 1\n");
    }

    @Test
    void anInputChangedWithinTwoSecondsGetsNoRunFileAndLosesAnOldOne() throws Exception {
        assertThat(write(Map.of())).isTrue();
        Files.writeString(source, "class Hello {  }\n");

        assertThat(RunFiles.write(runFile, RunFiles.stamp(List.of(source)), executable, command(), Map.of(),
                Clock.systemUTC())).isFalse();
        assertThat(runFile).doesNotExist();
    }

    @Test
    void anInputChangedSinceItWasStampedGetsNoRunFile() throws Exception {
        Map<Path, String> stamps = RunFiles.stamp(List.of(source));
        Files.writeString(source, "class Hello { int x; }\n");
        backdate(source);

        assertThat(RunFiles.write(runFile, stamps, executable, command(), Map.of(), now)).isFalse();
    }

    @Test
    void aCheckedSettingWithAnotherValueReturnsToTheJvm() throws Exception {
        assertThat(write(Map.of("JIFFY_OFFLINE", "", "NAME", "it's $x"))).isTrue();

        assertThat(source(Map.of("NAME", "it's $x"))).isEqualTo("ran Hello\n");
        assertThat(source(Map.of("NAME", "other"))).isEqualTo("fell through 1\n");
        assertThat(source(Map.of("NAME", "it's $x", "JIFFY_OFFLINE", "1"))).isEqualTo("fell through 1\n");
    }

    private boolean write(Map<String, String> env) throws Exception {
        return RunFiles.write(runFile, RunFiles.stamp(List.of(source)), executable, command(), env, now);
    }

    private LaunchCommand command() {
        return new LaunchCommand(java, List.of(), executable, "Hello", null, List.of(), false);
    }

    /** Sources the run file as bin/jiffy does, in sh with {@code env} and {@code args}: "ran ..." or "fell through 1". */
    private String source(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "command . \"$RUNFILE\"; echo \"fell through $?\"", "sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("RUNFILE", runFile.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static void backdate(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
    }
}
