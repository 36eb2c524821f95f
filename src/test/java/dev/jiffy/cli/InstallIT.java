package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jiffy install}: a command in JIFFY_BIN that runs the script from any directory, follows
 * its edits and survives {@code jiffy clean -cache}; {@code -list} and {@code uninstall}; a file
 * jiffy did not write is kept; bad input is one line.
 */
class InstallIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Path home = sandbox.dir().resolve("home");
    final Path bin = sandbox.dir().resolve("bin");
    final Jiffy jiffy = sandbox.jiffy().with("HOME", home.toString()).with("XDG_CONFIG_HOME", null)
            .with("JIFFY_BIN", bin.toString()).with("PATH", bin + ":" + Jiffy.LAUNCHER.getParent() + ":" + System.getenv("PATH"));

    private static String program(String text) {
        return "public class Greet { public static void main(String[] a) { System.out.println(\"" + text
                + " \" + String.join(\",\", a)); } }\n";
    }

    @Test
    void anInstalledScriptRunsFromAnywhereFollowsEditsAndSurvivesACleanCache() throws Exception {
        write(work.resolve("tools/Greet.java"), program("hello"));
        assertThat(jiffy.run("install", "-D", "x=1", "tools/Greet.java")).printed("installed " + bin.resolve("Greet") + "\n")
                .stderr().isEmpty();
        Jiffy elsewhere = jiffy.in(Files.createDirectories(sandbox.dir().resolve("elsewhere")));
        assertThat(elsewhere.exec(List.of("sh", "-c", "Greet a b"), new byte[0])).printed("hello a,b\n");

        write(work.resolve("tools/Greet.java"), program("edited"));
        assertThat(elsewhere.exec(List.of("sh", "-c", "Greet c"), new byte[0])).as("it follows edits").printed("edited c\n");
        assertThat(jiffy.run("clean", "-cache")).exitedWith(0);
        assertThat(elsewhere.exec(List.of("sh", "-c", "Greet d"), new byte[0])).as("it survives clean -cache")
                .printed("edited d\n");

        assertThat(jiffy.run("install", "tools/Greet.java", "-name", "hi")).exitedWith(0);
        assertThat(jiffy.run("install", "-list")).printed("Greet\trun -D x=1 " + work.resolve("tools/Greet.java") + "\n"
                + "hi\trun " + work.resolve("tools/Greet.java") + "\n");
        assertThat(jiffy.run("uninstall", "hi")).printed("removed " + bin.resolve("hi") + "\n");
        assertThat(bin.resolve("hi")).doesNotExist();
        assertThat(jiffy.run("install", "-list").out()).doesNotContain("hi\t");
    }

    @Test
    void badInputAndOthersFilesAreOneLine() throws Exception {
        write(work.resolve("Greet.java"), program("hello"));
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("mine"), "#!/bin/sh\necho mine\n");
        assertThat(jiffy.run("install", "-name", "mine", "Greet.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: " + bin.resolve("mine") + ": exists and jiffy did not install it; choose another name with -name");
        assertThat(bin.resolve("mine")).hasContent("#!/bin/sh\necho mine");
        assertThat(jiffy.run("install", "-name", "a/b", "Greet.java")).exitedWith(2).hasNoStackTrace()
                .stderrContains("jiffy: install: \"a/b\" is not a command name (no /, no leading - or .)");
        assertThat(jiffy.run("install", "Nope.java")).exitedWith(1).hasNoStackTrace().stderrLines().containsExactly(
                "jiffy: install Nope.java: no such file or directory, and not group:artifact[:version] or a catalog's alias");
        Path file = Files.writeString(sandbox.dir().resolve("a-file"), "x");
        Result unwritable = jiffy.with("JIFFY_BIN", file.resolve("bin").toString()).run("install", "Greet.java");
        assertThat(unwritable).exitedWith(1).hasNoStackTrace();
        assertThat(unwritable.errLines()).singleElement().asString().startsWith("jiffy: " + file.resolve("bin") + ": cannot install there");
        Result offPath = jiffy.with("PATH", System.getenv("PATH")).run("install", "Greet.java");
        assertThat(offPath).exitedWith(0).stderrLines()
                .containsExactly("jiffy: warning: " + bin + " is not on PATH; add it to run Greet by its name");
        assertThat(jiffy.run("uninstall", "mine")).exitedWith(1).stderrLines()
                .containsExactly("jiffy: uninstall mine: not installed by jiffy (jiffy install -list)");
    }
}
