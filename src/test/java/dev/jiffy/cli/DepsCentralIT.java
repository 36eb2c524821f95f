package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two real programs the dependencies issue names, from Maven Central (which CI reaches) and
 * the user's local repository: a picocli script, and google-java-format as a tool, which needs
 * the Add-Exports its manifest declares to run on JDK 17 and newer.
 */
class DepsCentralIT {
    @TempDir
    Path temp;
    Path work;
    Jiffy jiffy;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectory(temp.toRealPath().resolve("work"));
        jiffy = Jiffy.withCache(temp.toRealPath().resolve("cache"), work);
    }

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
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("hello jiffy\n");

        Result usage = jiffy.run("run", "Greet.java", "--bogus");
        assertThat(usage.exit()).as(usage.toString()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void googleJavaFormatAsATool() throws Exception {
        Result r = jiffy.run("tool", "com.google.googlejavaformat:google-java-format:1.28.0", "--version");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).contains("google-java-format: Version 1.28.0");

        // It formats, which needs javac's internals that only the manifest's Add-Exports opens.
        Path source = write(work.resolve("Ugly.java"), "class Ugly{void f(){int x=1;}}\n");
        Result format = jiffy.run("tool", "com.google.googlejavaformat:google-java-format:1.28.0", source.toString());
        assertThat(format.exit()).as(format.toString()).isZero();
        assertThat(format.out()).isEqualTo("class Ugly {\n  void f() {\n    int x = 1;\n  }\n}\n");
    }
}
