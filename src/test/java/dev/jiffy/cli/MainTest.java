package dev.jiffy.cli;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line in-process, as {@code Main.main} runs it but with streams in memory: what
 * each command prints for the arguments and settings it cannot use, word for word, and the
 * commands that need no program: env, version, cache path and clean -cache.
 */
class MainTest {
    private static final String USAGE = "usage: jiffy <run|build|test|tool|cache|clean|trust|daemon|init|edit|install|uninstall|env|version|completion|help> [arguments]\n";

    @TempDir
    Path temp;

    /** Runs {@code jiffy args} in {@code temp} with {@code env} as its whole environment. */
    private Result main(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, temp, clock).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code jiffy args} with the cache in {@code temp} and no other setting. */
    private Result main(String... args) {
        return main(Map.of("JIFFY_CACHE", cache().toString()), args);
    }

    /** The cache's settings and one more. */
    private Map<String, String> with(String name, String value) {
        Map<String, String> env = new HashMap<>(Map.of("JIFFY_CACHE", cache().toString()));
        env.put(name, value);
        return env;
    }

    private Path cache() {
        return temp.resolve("cache");
    }

    /** Exit status 2, nothing on stdout, and on stderr {@code message} then the usage line. */
    private static void assertUsageError(Result r, String message) {
        assertThat(r).exitedWith(2).printed("").stderr().isEqualTo("jiffy: " + message + "\n" + USAGE);
    }

    @Test
    void testOfADirectoryWithNothingToTestIsOneLine() throws Exception {
        java.nio.file.Files.createDirectories(temp.resolve("plain"));

        Result r = main("test", "plain");

        assertThat(r).exitedWith(1).printed("FAIL\tplain [build failed]\n").stderr()
                .isEqualTo("jiffy: plain: no .java files in directory\n");
        assertThat(main("test", "plain/...")).exitedWith(1).printed("").stderr()
                .isEqualTo("jiffy: plain/...: not in a Maven project; dir/... names every module of the reactor below dir\n");
        assertThat(main("test", "missing.java")).exitedWith(1).stderr().isEqualTo("jiffy: missing.java: no such file or directory\n");
        assertUsageError(main("test", "-count=2"), "test: -count takes 1 (run the tests even if a result is cached), not 2");
    }

    @Test
    void noCommandIsAUsageError() {
        assertUsageError(main(), "no command given");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertUsageError(main("frobnicate"), "unknown command \"frobnicate\"");
        assertUsageError(main("-x"), "unknown command \"-x\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "build", "tool"})
    void anUnknownFlagIsAUsageError(String command) {
        assertUsageError(main(command, "-bogus", "Ok.java"), command + ": unknown flag -bogus");
        assertUsageError(main(command, "--verbose", "Ok.java"), command + ": unknown flag --verbose");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "tool"})
    void onlyBuildTakesOutput(String command) {
        assertUsageError(main(command, "-o", "out", "Ok.java"), command + ": unknown flag -o (only build takes it)");
    }

    @ParameterizedTest
    @CsvSource({"run, -main", "run, -java", "build, -o", "build, -main", "tool, -java", "tool, -main"})
    void aFlagWithoutItsValueIsAUsageError(String command, String flag) {
        assertUsageError(main(command, "-x", flag), command + ": flag " + flag + " needs a value");
    }

    @Test
    void noTargetIsAUsageError() {
        assertUsageError(main("run"), "run: no target given (a .java file or a directory)");
        assertUsageError(main("build", "-x", "--"), "build: no target given (a .java file or a directory)");
        assertUsageError(main("tool", "-offline"), "tool: no target given (group:artifact[:version] or a catalog name)");
    }

    @Test
    void buildTakesNothingAfterItsTarget() {
        assertUsageError(main("build", "Ok.java", "extra"), "build: unexpected argument \"extra\" after the target");
        assertUsageError(main("build", "-o", "app", "Ok.java", "-x"), "build: unexpected argument \"-x\" after the target");
    }

    /** A setting that does not parse stops every command that reads the settings, naming it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "JIFFY_CACHE         | relative/cache         | JIFFY_CACHE=relative/cache: must be an absolute path or \"off\"",
        "JIFFY_CACHE_MAX     | abc                    | JIFFY_CACHE_MAX=abc: not a size (examples: 10G, 512M, 1048576)",
        "JIFFY_TRIM_AGE      | x                      | JIFFY_TRIM_AGE=x: not an age (examples: 5d, 12h, 30m)",
        "JIFFY_REMOTE_UPLOAD | maybe                  | JIFFY_REMOTE_UPLOAD=maybe: expected 1 (on) or 0 (off)",
        "JIFFY_REMOTE_TESTS  | yes                    | JIFFY_REMOTE_TESTS=yes: expected 1 (on) or 0 (off)",
        "JIFFY_DAEMON        | off                    | JIFFY_DAEMON=off: expected 1 (on) or 0 (off)",
        "JIFFY_DAEMON_IDLE   | soon                   | JIFFY_DAEMON_IDLE=soon: not an age (examples: 3h, 30m, 90s)",
        "JIFFY_DAEMON_HEAP   | lots                   | JIFFY_DAEMON_HEAP=lots: not a heap size (examples: 512m, 2g)",
        "JIFFY_REMOTE_CACHE  | ftp://ci:secret@host/c | JIFFY_REMOTE_CACHE: not an http:// or https:// URL"
            + " (expected http(s)://[user:token@]host[:port][/prefix])",
        "JIFFY_REMOTE_CACHE  | http://host/c?k=secret | JIFFY_REMOTE_CACHE: the URL has a query or fragment"
            + " (expected http(s)://[user:token@]host[:port][/prefix])"})
    void aBadSettingIsAUsageErrorNamingIt(String name, String value, String message) {
        for (String[] args : new String[][] {{"run", "Ok.java"}, {"build", "Ok.java"}, {"env"}, {"cache", "path"},
                {"clean", "-cache"}}) {
            assertUsageError(main(with(name, value), args), message);
        }
        assertThat(cache()).doesNotExist();
    }

    @Test
    void envPrintsEverySettingForTheShell() {
        Map<String, String> env = with("JIFFY_CACHE_MAX", "512M");
        env.put("JIFFY_REMOTE_CACHE", "https://ci:token@cache.example/jiffy");
        env.put("JIFFY_OFFLINE", "true");
        Result r = main(env, "env");
        assertThat(r).succeeded().stderr().isEmpty();
        // JIFFY_DEBUG's line is left out: how that setting reads is changing.
        assertThat(r.out().lines().filter(l -> !l.startsWith("JIFFY_DEBUG"))).containsExactly(
                "JIFFY_CACHE='" + cache() + "'",
                "JIFFY_CACHE_MAX='512M'",
                "JIFFY_TRIM_AGE='5d'",
                "JIFFY_REMOTE_CACHE='https://ci:xxxxx@cache.example/jiffy'",
                "JIFFY_REMOTE_HEADERS=''",
                "JIFFY_REMOTE_UPLOAD='0'",
                "JIFFY_REMOTE_TESTS='0'",
                "JIFFY_OFFLINE='1'",
                "JIFFY_VERIFY='0'",
                "JIFFY_DAEMON='1'",
                "JIFFY_DAEMON_IDLE='3h'",
                "JIFFY_DAEMON_HEAP='768m'");
    }

    @Test
    void envQuotesValuesAndPrintsNamedSettingsBare() {
        Map<String, String> env = Map.of("JIFFY_CACHE", "/tmp/it's here", "JIFFY_TRIM_AGE", "12h");
        assertThat(main(env, "env").out()).startsWith("JIFFY_CACHE='/tmp/it'\\''s here'\n");
        assertThat(main(env, "env", "JIFFY_TRIM_AGE", "JIFFY_CACHE")).succeeded().printed("12h\n/tmp/it's here\n");
        assertThat(main(Map.of("JIFFY_CACHE", "off"), "env", "JIFFY_CACHE")).succeeded().printed("off\n");

        Result unknown = main("env", "JIFFY_CACHE", "NOPE");
        assertThat(unknown).exitedWith(2).printed("").stderr()
                .startsWith("jiffy: unknown setting \"NOPE\" (known: JIFFY_CACHE JIFFY_CACHE_MAX JIFFY_TRIM_AGE ")
                .endsWith(")\n" + USAGE);
    }

    @Test
    void versionNamesJiffyTheJdkAndThePlatform() {
        String version = "jiffy " + "[0-9][^ ]*" + " java " + System.getProperty("java.version").replace(".", "\\.") + " "
                + System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch") + "\n";
        assertThat(main("version")).succeeded().stdout().matches(version).doesNotContain("${");
        assertThat(main(Map.of(), "version")).as("no setting is read").succeeded();
        assertUsageError(main("version", "extra"), "version takes no arguments, or -m <executable>");
        assertUsageError(main("version", "-m"), "version takes no arguments, or -m <executable>");
    }

    @Test
    void versionOfAMissingFileOrOfOneJiffyDidNotBuildIsOneLine() throws Exception {
        assertThat(main("version", "-m", "missing")).exitedWith(1).printed("").stderr()
                .isEqualTo("jiffy: missing: no such file\n");
        Files.writeString(temp.resolve("notes.txt"), "not a jar\n");
        assertThat(main("version", "-m", "notes.txt")).exitedWith(1).printed("").stderr()
                .isEqualTo("jiffy: notes.txt: not an executable built by jiffy\n");
    }

    @Test
    void cachePathIsTheSettingOrTheDefaultAndCreatesNothing() {
        assertThat(main("cache", "path")).succeeded().printed(cache() + "\n").stderr().isEmpty();
        assertThat(main(Map.of("JIFFY_CACHE", "off"), "cache", "path")).succeeded().printed("off\n");
        assertThat(main(Map.of("XDG_CACHE_HOME", "/xdg", "HOME", "/home/u"), "cache", "path")).printed("/xdg/jiffy\n");
        assertThat(main(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/home/u"), "cache", "path"))
                .printed("/home/u/.cache/jiffy\n");
        assertUsageError(main(Map.of("HOME", "relative"), "cache", "path"),
                "neither JIFFY_CACHE, XDG_CACHE_HOME nor HOME is set to an absolute path; set JIFFY_CACHE");
        assertThat(cache()).doesNotExist();
    }

    @Test
    void aCacheThatCannotBeCreatedNamesTheSettingAndTheFileInTheWay() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Path below = file.resolve("cache");

        for (String sub : new String[] {"stat", "trim", "verify"}) {
            assertThat(main(Map.of("JIFFY_CACHE", below.toString()), "cache", sub)).exitedWith(1).printed("").stderr()
                    .isEqualTo("jiffy: JIFFY_CACHE=" + below + ": cannot create the cache (" + file
                            + ": exists and is not a directory)\n");
        }
        assertThat(main(Map.of("XDG_CACHE_HOME", file.toString()), "cache", "stat")).exitedWith(1).stderr()
                .isEqualTo("jiffy: cache " + file.resolve("jiffy") + ": cannot create the cache (" + file
                        + ": exists and is not a directory)\n");
    }

    @Test
    void aCacheSubcommandMisspeltIsAUsageErrorAndOneWithoutACacheOneLine() {
        assertUsageError(main("cache"), "cache needs a subcommand: stat, trim, verify or path");
        assertUsageError(main("cache", "frob"), "unknown cache subcommand \"frob\" (stat, trim, verify, path)");
        assertUsageError(main("cache", "path", "x"), "cache path: unexpected argument \"x\"");
        assertUsageError(main("cache", "verify", "-if-due"), "cache verify: unexpected argument \"-if-due\"");
        assertThat(main(Map.of("JIFFY_CACHE", "off"), "cache", "stat")).exitedWith(1).printed("").stderr()
                .isEqualTo("jiffy: JIFFY_CACHE=off: there is no cache to stat\n");
    }

    @Test
    void cleanRemovesTheWholeCacheAndLeavesNothingBeside() throws Exception {
        assertThat(main("cache", "verify")).succeeded().printed("verified 0 files, removed 0\n");
        Files.writeString(Files.createDirectories(cache().resolve("ab")).resolve("entry"), "content\n");

        assertThat(main("clean", "-cache")).succeeded().printed("").stderr().isEmpty();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.toList()).as("the cache, or its renamed trash, beside it").isEmpty();
        }
        assertThat(main("clean", "-cache")).as("no cache to clean").succeeded().printed("");
        assertThat(main(Map.of("JIFFY_CACHE", "off"), "clean", "-cache")).succeeded().printed("");
        assertUsageError(main("clean"), "clean takes one flag: -cache or -testcache");
        assertUsageError(main("clean", "-cache", "-x"), "clean takes one flag: -cache or -testcache");
    }
}
