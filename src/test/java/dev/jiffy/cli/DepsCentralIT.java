package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two real programs the dependencies issue names, from Maven Central (which CI reaches) and
 * the user's local repository: a picocli script, and google-java-format as a tool, which needs
 * the Add-Exports its manifest declares to run on JDK 17 and newer.
 */
class DepsCentralIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @Test
    void picocliScript() throws Exception {
        write(work.resolve("Greet.java"), """
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //DEPS info.picocli:picocli:4.7.7
                import picocli.CommandLine;
                import picocli.CommandLine.Command;
                import picocli.CommandLine.Option;

                @Command(name = "greet", mixinStandardHelpOptions = true)
                public class Greet implements Runnable {
                    @Option(names = "--name") String name = "world";

                    public void run() { System.out.println("hello " + name); }

                    public static void main(String[] args) { System.exit(new CommandLine(new Greet()).execute(args)); }
                }
                """);
        Result r = jiffy.run("run", "Greet.java", "--name", "jiffy");
        assertThat(r).succeeded().printed("hello jiffy\n");

        Result usage = jiffy.run("run", "Greet.java", "--bogus");
        assertThat(usage).exitedWith(2).stderrContains("Unknown option: '--bogus'");
    }

    @Test
    void googleJavaFormatAsATool() throws Exception {
        Result r = jiffy.run("tool", "com.google.googlejavaformat:google-java-format:1.28.0", "--version");
        assertThat(r).succeeded();
        assertThat(r.out() + r.err()).contains("google-java-format: Version 1.28.0");

        // It formats, which needs javac's internals that only the manifest's Add-Exports opens.
        Path source = write(work.resolve("Ugly.java"), "class Ugly{void f(){int x=1;}}\n");
        Result format = jiffy.run("tool", "com.google.googlejavaformat:google-java-format:1.28.0", source.toString());
        assertThat(format).succeeded().printed("class Ugly {\n  void f() {\n    int x = 1;\n  }\n}\n");
    }
}
