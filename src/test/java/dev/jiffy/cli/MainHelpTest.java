package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jiffy help} names every command and build flag; JIFFY_DEBUG means the same in every part of jiffy. */
class MainHelpTest {
    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {}

    private Run main(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, temp, Clock.systemUTC()).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesEveryCommandAndBuildFlag() {
        Run r = main(Map.of("HOME", temp.toString()), "help");

        assertThat(r.exit()).isZero();
        for (String command : new String[] {"jiffy run ", "jiffy build ", "jiffy tool ", "jiffy cache ", "jiffy clean ",
                "jiffy env ", "jiffy version "}) {
            assertThat(r.out()).contains(command);
        }
        for (String flag : new String[] {"-a ", "-n ", "-x ", "-v ", "-q ", "-offline ", "-java <home>", "-main <Class>", "-o path"}) {
            assertThat(r.out()).contains(flag);
        }
        assertThat(r.out()).contains("JIFFY_DEBUG").contains("JIFFY_REMOTE_HEADERS");
    }

    @ParameterizedTest
    @CsvSource({"run", "build", "test", "tool", "cache", "clean", "trust", "daemon", "init", "edit", "install", "uninstall", "env", "version", "completion", "help"})
    void helpOfACommandGivesItsUsageItsFlagsOneALineAndAnExample(String command) {
        Run r = main(Map.of("HOME", temp.toString()), "help", command);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("usage: jiffy " + command).contains("\nexample:\n  jiffy " + command);
        assertThat(main(Map.of("HOME", temp.toString()), command, "-h").out()).as("jiffy " + command + " -h").isEqualTo(r.out());
    }

    @Test
    void helpOfRunNamesEachBuildFlagOnALineOfItsOwn() {
        String out = main(Map.of("HOME", temp.toString()), "help", "run").out();
        for (String flag : new String[] {"-a", "-n", "-x", "-v", "-q", "-offline", "-java <home>", "-main <Class>",
                "-D name=value", "--deps g:a:v,...", "--code 'source'", "--"}) {
            assertThat(out).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(flag) + " {2,}\\S");
        }
        assertThat(main(Map.of("HOME", temp.toString()), "help", "build").out()).containsPattern("(?m)^  -o path +copy");
        assertThat(main(Map.of("HOME", temp.toString()), "help", "test").out()).contains("  -run REGEX ", "  -count=1 ");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        Run r = main(Map.of("HOME", temp.toString()), "help", "frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("jiffy: help: unknown command \"frobnicate\" (commands: run build test tool");
    }

    @ParameterizedTest
    @CsvSource({"false, false", "FALSE, false", "0, false", "'', false", "1, true", "true, true", "yes, true"})
    void jiffyDebugIsOnAndOffAsTheSettingsRead(String value, boolean on) throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Map<String, String> env = Map.of("JIFFY_CACHE", file.resolve("cache").toString(), "JIFFY_DEBUG", value);

        // clean -cache of a cache below a file fails with an IOException, which JIFFY_DEBUG shows with its stack trace.
        Run r = main(env, "clean", "-cache");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("jiffy: ");
        assertThat(r.err().contains("\tat ")).as(r.err()).isEqualTo(on);
        assertThat(Settings.from(env).debug()).isEqualTo(on);
    }
}
