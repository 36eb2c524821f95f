package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When {@code jiffy run} rebuilds and when it reuses the cache: a hit after a miss, a rebuild for
 * each input that changes the program, and no rebuild for what does not. {@code -x} says which
 * happened: a miss prints the javac step, a hit prints "cache hit: <executable>".
 */
class CacheHitIT {
    private static final Path OTHER_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    @Test
    void secondRunIsAHitOnTheSameExecutable() throws Exception {
        write(work.resolve("Hello.java"), """
                public class Hello {
                    public static void main(String[] args) {
                        System.out.println("hello " + args.length);
                    }
                }
                """);

        Result first = jiffy.run("run", "-x", "Hello.java", "a");
        assertThat(first).succeeded().printed("hello 1\n").isNotHit();
        assertThat(first).stderrLines().contains("javac 1 file of Hello.java");

        Result second = jiffy.run("run", "-x", "Hello.java", "a", "b");
        assertThat(second).succeeded().printed("hello 2\n").isHit().didNotCompile();
        assertThat(second.executable()).isEqualTo(first.executable());
    }

    @Test
    void jiffysOwnJarIsHashedIntoAManifestBesideItNotIntoEachCache() throws Exception {
        write(work.resolve("Hello.java"), "public class Hello { public static void main(String[] a) {} }");

        Result r = jiffy.run("build", "Hello.java");

        assertThat(r).succeeded();
        // A new cache (a CI machine's, filled from a remote) then starts without hashing the jar again.
        Path jar = Path.of(System.getProperty("jiffy.root"), "target", "jiffy.jar");
        assertThat(jar.resolveSibling(".jiffy.jar.stat")).content().contains("\t" + jar + "\n");
        assertThat(sandbox.cache().resolve("run/@jiffy.stat")).doesNotExist();
    }

    @Test
    void changedSiblingFileRebuildsAndChangingItBackIsAHit() throws Exception {
        Path app = work.resolve("app");
        write(app.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Greeting.TEXT);
                    }
                }
                """);
        String original = "class Greeting { static final String TEXT = \"one\"; }\n";
        write(app.resolve("Greeting.java"), original);

        Result first = jiffy.run("run", "-x", "app");
        assertThat(first).printed("one\n").stderrLines().contains("javac 2 files of app");

        write(app.resolve("Greeting.java"), "class Greeting { static final String TEXT = \"two\"; }\n");
        Result changed = jiffy.run("run", "-x", "app");
        assertThat(changed).printed("two\n").stderrLines().contains("javac 2 files of app");
        assertThat(changed.executable()).isNotEqualTo(first.executable());

        // Content-addressed: the old content is the old program, still in the cache.
        write(app.resolve("Greeting.java"), original);
        Result back = jiffy.run("run", "-x", "app");
        assertThat(back).printed("one\n").isHit();
        assertThat(back.executable()).isEqualTo(first.executable());
    }

    @Test
    void changedMainClassRelinksWithoutCompilingAgain() throws Exception {
        Path two = work.resolve("two");
        write(two.resolve("First.java"), """
                public class First { public static void main(String[] args) { System.out.println("first"); } }
                """);
        write(two.resolve("Second.java"), """
                public class Second { public static void main(String[] args) { System.out.println("second"); } }
                """);

        Result first = jiffy.run("run", "-x", "-main", "First", "two");
        assertThat(first).printed("first\n").compiled();

        Result second = jiffy.run("run", "-x", "-main", "Second", "two");
        assertThat(second).printed("second\n").isNotHit().stderrLines().contains("link two (main class Second)");
        assertThat(second).as("the sources did not change: compile is a hit").didNotCompile();
        assertThat(second.executable()).isNotEqualTo(first.executable());

        Result again = jiffy.run("run", "-x", "-main", "First", "two");
        assertThat(again).printed("first\n").isHit();
        assertThat(again.executable()).isEqualTo(first.executable());
    }

    @Test
    void mainClassOfOneRunIsNotReusedByARunWithoutIt() throws Exception {
        Path two = work.resolve("two");
        write(two.resolve("First.java"), """
                public class First { public static void main(String[] args) { System.out.println("first"); } }
                """);
        write(two.resolve("Second.java"), """
                public class Second { public static void main(String[] args) { System.out.println("second"); } }
                """);
        // Past the racy window, so that a run may leave a run file for the next one to use.
        Thread.sleep(2100);
        Result chosen = jiffy.run("run", "-main", "Second", "two");
        assertThat(chosen).printed("second\n");

        Result plain = jiffy.run("run", "two");
        assertThat(plain).exitedWith(1).printed("").stderrContains("several classes with a main method");
    }

    @Test
    void anotherJdkRebuildsAndRunsOnThatJdk() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OTHER_JDK.resolve("bin/java")), OTHER_JDK + " is not installed");
        write(work.resolve("Version.java"), """
                public class Version {
                    public static void main(String[] args) {
                        System.out.println(Runtime.version().feature() + " " + System.getProperty("java.home"));
                    }
                }
                """);
        Jiffy plain = jiffy.with("JAVA_HOME", null);
        Result first = plain.run("run", "-x", "Version.java");
        assertThat(first).succeeded();
        Assumptions.assumeFalse(first.out().contains(OTHER_JDK.toString()), "java on PATH is already " + OTHER_JDK);

        Jiffy other = jiffy.with("JAVA_HOME", OTHER_JDK.toString());
        Result onOther = other.run("run", "-x", "Version.java");
        assertThat(onOther).succeeded().compiled().stdout().startsWith("25 " + OTHER_JDK.toRealPath());
        assertThat(onOther.executable()).isNotEqualTo(first.executable());

        // -java names the same JDK as JAVA_HOME did: the same build, found in the cache.
        Result flag = plain.run("run", "-x", "-java", OTHER_JDK.toString(), "Version.java");
        assertThat(flag).printed(onOther.out()).isHit();
        assertThat(flag.executable()).isEqualTo(onOther.executable());

        Result back = plain.run("run", "-x", "Version.java");
        assertThat(back).printed(first.out()).isHit();
        assertThat(back.executable()).isEqualTo(first.executable());
    }

    @Test
    void renamedFileRebuilds() throws Exception {
        Path app = work.resolve("app");
        write(app.resolve("Main.java"), """
                public class Main { public static void main(String[] args) { System.out.println(Util.name()); } }
                """);
        String util = "class Util { static String name() { return \"util\"; } }\n";
        write(app.resolve("Util.java"), util);

        Result first = jiffy.run("run", "-x", "app");
        assertThat(first).printed("util\n");

        Files.move(app.resolve("Util.java"), app.resolve("Helpers.java"));
        Result renamed = jiffy.run("run", "-x", "app");
        assertThat(renamed).printed("util\n").compiled();
        assertThat(renamed.executable()).isNotEqualTo(first.executable());
    }

    @Test
    void renamedScriptRebuildsUnderItsNewName() throws Exception {
        String text = "class Tool { public static void main(String[] args) { System.out.println(\"tool\"); } }\n";
        write(work.resolve("Tool.java"), text);
        Result first = jiffy.run("run", "-x", "Tool.java");
        assertThat(first).printed("tool\n");

        Files.move(work.resolve("Tool.java"), work.resolve("Renamed.java"));
        Result renamed = jiffy.run("run", "-x", "Renamed.java");
        assertThat(renamed).printed("tool\n").compiled();
        assertThat(renamed.executable().getFileName()).hasToString("Renamed");
    }

    @Test
    void touchWithoutChangeIsAHit() throws Exception {
        Path app = work.resolve("app");
        Path main = write(app.resolve("Main.java"), """
                public class Main { public static void main(String[] args) { System.out.println("same"); } }
                """);
        Result first = jiffy.run("run", "-x", "app");
        assertThat(first).printed("same\n");

        Files.setLastModifiedTime(main, FileTime.from(Instant.now().plusSeconds(5)));
        Files.setLastModifiedTime(app, FileTime.from(Instant.now().plusSeconds(5)));
        Result touched = jiffy.run("run", "-x", "app");
        assertThat(touched).printed("same\n").isHit().didNotCompile();
        assertThat(touched.executable()).isEqualTo(first.executable());
    }

    @Test
    void differentProgramsNeverShareAnExecutable() throws Exception {
        // Same directory name, same class name, different code: two programs.
        Path a = work.resolve("a").resolve("app");
        Path b = work.resolve("b").resolve("app");
        write(a.resolve("Main.java"), """
                public class Main { public static void main(String[] args) { System.out.println("I am a"); } }
                """);
        write(b.resolve("Main.java"), """
                public class Main { public static void main(String[] args) { System.out.println("I am b"); } }
                """);

        Result runA = jiffy.run("run", "-x", "a/app");
        Result runB = jiffy.run("run", "-x", "b/app");
        assertThat(runA).printed("I am a\n");
        assertThat(runB).printed("I am b\n").isNotHit();
        assertThat(runA.executable()).isNotEqualTo(runB.executable());
        assertThat(runA.executable().getParent()).isNotEqualTo(runB.executable().getParent());

        // And each goes on running its own code, also through the run files.
        assertThat(jiffy.run("run", "a/app")).printed("I am a\n");
        assertThat(jiffy.in(b).run("run", ".")).printed("I am b\n");
        assertThat(jiffy.in(a).run("run", "-x", ".")).printed("I am a\n");
    }
}
