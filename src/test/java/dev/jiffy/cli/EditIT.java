package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jiffy edit}: a Maven project of a script, its sources and files linked, its pom made of
 * the directives; jiffy itself builds that project to the same program; a second edit follows
 * changed directives. Bad input is one line.
 */
class EditIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @Test
    void theProjectLinksTheSourcesAndFollowsTheDirectives() throws Exception {
        write(work.resolve("lib/Help.java"), "package lib;\npublic class Help { public static String s() { return \"helped\"; } }\n");
        write(work.resolve("motd.txt"), "sunny\n");
        Path script = write(work.resolve("Ed.java"), """
                //SOURCES lib/Help.java
                //FILES motd.txt
                //JAVAC_OPTIONS -Xlint:all
                public class Ed {
                    public static void main(String[] a) throws Exception {
                        String motd = new String(Ed.class.getResourceAsStream("/motd.txt").readAllBytes()).strip();
                        System.out.println(lib.Help.s() + " " + motd);
                    }
                }
                """);
        Result edit = jiffy.run("edit", "Ed.java");
        assertThat(edit).exitedWith(0);
        Path dir = Path.of(edit.out().strip());
        assertThat(dir).startsWith(sandbox.cache().resolve("edit"));
        assertThat(Files.readSymbolicLink(dir.resolve("src/main/java/Ed.java"))).isEqualTo(script);
        assertThat(Files.readSymbolicLink(dir.resolve("src/main/java/lib/Help.java"))).isEqualTo(work.resolve("lib/Help.java"));
        assertThat(Files.readSymbolicLink(dir.resolve("src/main/resources/motd.txt"))).isEqualTo(work.resolve("motd.txt"));
        assertThat(Files.readString(dir.resolve("pom.xml"))).contains("<maven.compiler.release>", "<arg>-Xlint:all</arg>")
                .doesNotContain("<dependencies>");
        assertThat(jiffy.run("run", dir.toString())).as("the project builds to the same program").printed("helped sunny\n");

        write(work.resolve("Ed.java"), Files.readString(script).replace("//SOURCES lib/Help.java\n",
                "//SOURCES lib/Help.java\n//DEPS info.picocli:picocli:4.7.7\n//REPOS central\n//JAVA 17+\n"));
        assertThat(jiffy.run("edit", "Ed.java")).printed(dir + "\n");
        assertThat(Files.readString(dir.resolve("pom.xml"))).contains("<artifactId>picocli</artifactId>",
                "<version>4.7.7</version>", "<maven.compiler.release>17</maven.compiler.release>", "<repositories>");
        write(work.resolve("Ed.java"), Files.readString(script).replace("//SOURCES lib/Help.java\n", "")
                .replace("lib.Help.s()", "\"alone\""));
        assertThat(jiffy.run("edit", "Ed.java")).exitedWith(0);
        assertThat(dir.resolve("src/main/java/lib/Help.java")).as("a //SOURCES line removed").doesNotExist();

        Path mine = Files.createDirectories(sandbox.dir().resolve("mine"));
        assertThat(jiffy.run("edit", "Ed.java", mine.toString())).printed(mine + "\n");
        assertThat(mine.resolve("pom.xml")).exists();
    }

    @Test
    void badInputIsOneLine() throws Exception {
        write(work.resolve("App.java"), "public class App { public static void main(String[] a) {} }\n");
        write(work.resolve("notes.txt"), "x\n");
        assertThat(jiffy.run("edit", "notes.txt")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: edit notes.txt: not a .java script (jiffy edit makes a Maven project of one)");
        assertThat(jiffy.run("edit", "Gone.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: edit Gone.java: not a .java script (jiffy edit makes a Maven project of one)");
        Path theirs = write(sandbox.dir().resolve("theirs/pom.xml"), "<project/>\n");
        assertThat(jiffy.run("edit", "App.java", theirs.getParent().toString())).exitedWith(1).hasNoStackTrace()
                .stderrLines().containsExactly("jiffy: " + theirs + ": exists and jiffy edit did not write it");
        assertThat(theirs).hasContent("<project/>");
    }
}
