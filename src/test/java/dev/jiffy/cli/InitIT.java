package dev.jiffy.cli;

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
 * {@code jiffy init}: each template writes a script that runs at once, through the launcher and
 * as {@code ./File.java}; picocli and JUnit come from Maven Central (which CI reaches) and the
 * user's local repository. Bad input is one line.
 */
class InitIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @Test
    void eachTemplateRunsAtOnce() throws Exception {
        assertThat(jiffy.run("init", "Hi.java")).printed("wrote Hi.java; run it with jiffy run Hi.java\n");
        assertThat(jiffy.run("run", "Hi.java", "you")).printed("Hello, you!\n");
        Jiffy onPath = jiffy.with("PATH", Jiffy.LAUNCHER.getParent() + ":" + System.getenv("PATH"));
        assertThat(onPath.exec(List.of("sh", "-c", "./Hi.java there"), new byte[0])).as("./File.java runs it with sh")
                .printed("Hello, there!\n");

        assertThat(jiffy.run("init", "-t", "cli", "tools/Greet.java")).exitedWith(0);
        assertThat(jiffy.run("run", "tools/Greet.java", "-n", "2", "cli")).printed("Hello, cli!\nHello, cli!\n");
        assertThat(jiffy.run("run", "tools/Greet.java", "--help").out()).startsWith("Usage: Greet [-hV] [-n=<times>] <who>");

        assertThat(jiffy.run("init", "-t", "test", "Calc.java")).printed(
                "wrote Calc.java; run it with jiffy run Calc.java, test it with jiffy test Calc.java\n");
        assertThat(jiffy.run("run", "Calc.java")).printed("2 + 3 = 5\n");
        Result tested = jiffy.run("test", "Calc.java");
        assertThat(tested).exitedWith(0);
        assertThat(tested.out()).startsWith("ok  \tCalc.java\t");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Files.writeString(work.resolve("Mine.java"), "// not jiffy's\n");
        assertThat(jiffy.run("init", "Mine.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: Mine.java: already exists; jiffy init writes only new files");
        assertThat(work.resolve("Mine.java")).hasContent("// not jiffy's");
        assertThat(jiffy.run("init", "-t", "gui", "App.java")).exitedWith(2).hasNoStackTrace()
                .stderrContains("jiffy: init: unknown template \"gui\" (jiffy init -list: hello, cli, test)");
        assertThat(jiffy.run("init", "my-app.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: my-app.java: \"my-app\" is not a Java class name; the file is named after its class");
        assertThat(jiffy.run("init", "-t")).exitedWith(2).stderrContains("jiffy: init: flag -t needs a value");
        assertThat(work.resolve("App.java")).doesNotExist();
        assertThat(jiffy.run("init", "-list").out()).startsWith("hello  a class with a main method\n").contains("cli ", "test ");
    }
}
