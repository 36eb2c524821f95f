package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import dev.jiffy.run.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract between bin/jiffy and jiffy's JVM: both work out the cache directory and a
 * target's run-file key, the launcher in sh with no helper process, the JVM in {@link Settings}
 * and {@link RunFiles}. Each row plants a run file where the JVM says it belongs (or, where the
 * JVM writes none, where a naive launcher would look) and checks whether the launcher sources it.
 */
class LauncherContractIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    /** The name of a case, the directory it runs in (below the temp dir), the command, its target, and settings. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("relative file", "work", "run", "Hello.java", Map.of()),
                row("file in a subdirectory", "work", "run", "app/Main.java", Map.of()),
                row("directory with a trailing slash", "work", "run", "app/", Map.of()),
                row("directory with two trailing slashes", "work", "run", "app//", Map.of()),
                row("absolute path", "work", "run", "@TEMP/elsewhere/Hello.java", Map.of()),
                row("spaces", "my work", "run", "my app/Hello World.java", Map.of()),
                row("non-ASCII names", "wörk", "run", "grüße/Größe.java", Map.of()),
                row("a quote and a dollar", "work", "run", "it's/$HOME.java", Map.of()),
                row("dot-dot", "work", "run", "app/../Hello.java", Map.of()),
                row("leading dot", "work", "run", "./Hello.java", Map.of()),
                row("inner dot", "work", "run", "app/./Main.java", Map.of()),
                row("double slash inside", "work", "run", "app//Main.java", Map.of()),
                row("just a dot", "work", "run", ".", Map.of()),
                row("a dot and a slash", "work", "run", "./", Map.of()),
                row("a directory and a dot", "work", "run", "app/.", Map.of()),
                row("two dots at the end", "work", "run", "app/./.", Map.of()),
                row("tool coordinate", "work", "tool", "org.example:tool:1.0", Map.of()),
                row("tool coordinate with a slash", "work", "tool", "org.example:to/ol:1.0", Map.of()),
                row("XDG_CACHE_HOME unset", "work", "run", "Hello.java", Map.of("JIFFY_CACHE", "", "HOME", "@TEMP/home")),
                row("XDG_CACHE_HOME absolute", "work", "run", "Hello.java",
                        Map.of("JIFFY_CACHE", "", "XDG_CACHE_HOME", "@TEMP/xdg cache", "HOME", "@TEMP/home")),
                row("XDG_CACHE_HOME relative", "work", "run", "Hello.java",
                        Map.of("JIFFY_CACHE", "", "XDG_CACHE_HOME", "rel/cache", "HOME", "@TEMP/home")),
                row("HOME with a space", "work", "run", "Hello.java", Map.of("JIFFY_CACHE", "", "HOME", "@TEMP/my home")));
    }

    private static Arguments row(String name, String dir, String command, String target, Map<String, String> settings) {
        return Arguments.of(name, dir, command, target, settings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLauncherSourcesTheRunFileTheJvmWrites(String name, String dir, String command, String target,
            Map<String, String> settings) throws Exception {
        Path root = sandbox.dir();
        Path pwd = Files.createDirectories(root.resolve(dir));
        String arg = target.replace("@TEMP", root.toString());
        Jiffy jiffy = sandbox.jiffy().in(pwd);
        Map<String, String> env = new HashMap<>(Map.of("JIFFY_CACHE", sandbox.cache().toString(), "PWD", pwd.toString(),
                "HOME", System.getenv().getOrDefault("HOME", "/")));
        for (Map.Entry<String, String> s : settings.entrySet()) {
            String value = s.getValue().replace("@TEMP", root.toString());
            jiffy = jiffy.with(s.getKey(), value.isEmpty() ? null : value);
            env.put(s.getKey(), value);
        }
        env.values().removeIf(String::isEmpty);
        Path cache = Settings.from(env).cacheDir();
        String key = command.equals("tool") ? RunFiles.toolKey(arg) : RunFiles.key(pwd.toString(), arg);

        // Where no key is used, plant one where the path would lead if the launcher formed it.
        Path planted = key != null ? RunFiles.location(cache, key)
                : Path.of(cache + "/run" + (arg.startsWith("/") ? "" : pwd + "/") + arg + ".run").normalize();
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "# jiffy run file for a contract test\necho \"sourced for $jiffy_2\"; exit 0\n");
        Result r = jiffy.run(command, arg);

        if (key != null) {
            assertThat(r.out()).as(name + "\n" + r).isEqualTo("sourced for " + arg + "\n");
        } else {
            assertThat(r.out()).as(name + "\n" + r).doesNotContain("sourced");
        }
    }
}
