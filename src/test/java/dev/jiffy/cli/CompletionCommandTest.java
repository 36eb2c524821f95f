package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jiffy completion bash}, sourced into a real bash that completes a command, a flag and a word. */
class CompletionCommandTest {
    @TempDir
    Path temp;

    private String script(String shell) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of("HOME", temp.toString()),
                temp, Clock.systemUTC()).run("completion", shell);
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What bash offers for the words typed, the last one being completed, one a candidate. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        Path file = Files.writeString(temp.resolve("jiffy.bash"), script("bash"));
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String probe = "source '" + file + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _jiffy; printf '%s\\n' \"${COMPREPLY[@]}\"";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", probe).directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", temp.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesCommandsFlagsAndWords() throws Exception {
        assertThat(complete("jiffy", "ru")).containsExactly("run");
        assertThat(complete("jiffy", "c")).containsExactly("cache", "clean", "completion");
        assertThat(complete("jiffy", "run", "-off")).containsExactly("-offline");
        assertThat(complete("jiffy", "test", "-ti")).as("test's own flags").containsExactly("-timeout");
        assertThat(complete("jiffy", "build", "-o")).containsExactly("-o", "-offline");
        assertThat(complete("jiffy", "daemon", "st")).containsExactly("status", "stop");
        assertThat(complete("jiffy", "env", "JIFFY_DAEMON_")).containsExactly("JIFFY_DAEMON_IDLE", "JIFFY_DAEMON_HEAP");
        Path config = Files.createDirectories(temp.resolve(".config/jiffy"));
        Files.writeString(config.resolve("installs.txt"), "greet\trun /x/Greet.java\ngj\ttool g:gj:1\n");
        assertThat(complete("jiffy", "uninstall", "g")).as("installed commands").containsExactly("greet", "gj");
        Files.writeString(temp.resolve("Hello World.java"), "class Hello {}");
        assertThat(complete("jiffy", "run", "Hel")).as("a file, spaces and all").containsExactly("Hello World.java");
    }

    @Test
    void everyFlagTheHelpListsIsCompletedAndFishGetsEachToo() {
        List<String> runFlags = CompletionCommand.flags().get("run");
        assertThat(runFlags).contains("-a", "-offline", "-java", "-main", "-D", "--deps", "--cp", "--code");
        String fish = script("fish");
        assertThat(fish).contains("complete -c jiffy -n '__fish_seen_subcommand_from run' -o offline")
                .contains("complete -c jiffy -n '__fish_seen_subcommand_from run' -l deps");
        assertThat(script("zsh")).startsWith("#compdef jiffy\n").contains("complete -o default -F _jiffy jiffy");
    }
}
