package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code jiffy run} rebuilds and when it reuses the cache: a hit after a miss, a rebuild for
 * each input that changes the program, and no rebuild for what does not. {@code -x} says which
 * happened: a miss prints the javac step, a hit prints "cache hit: <executable>".
 */
class CacheHitIT {
    private static final Path OTHER_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

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
    void secondRunIsAHitOnTheSameExecutable() throws Exception {
        write(work.resolve("Hello.java"), """
                public class Hello {
                    public static void main(String[] args) {
                        System.out.println("hello " + args.length);
                    }
                }
                """);

        Result first = jiffy.run("run", "-x", "Hello.java", "a");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("hello 1\n");
        assertThat(first.errLines()).as(first.toString()).contains("javac 1 file of Hello.java");
        assertThat(first.hit()).as(first.toString()).isFalse();

        Result second = jiffy.run("run", "-x", "Hello.java", "a", "b");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo("hello 2\n");
        assertThat(second.hit()).as(second.toString()).isTrue();
        assertThat(second.compiled()).as(second.toString()).isFalse();
        assertThat(second.executable()).isEqualTo(first.executable());
    }

    @Test
    void jiffysOwnJarIsHashedIntoAManifestBesideItNotIntoEachCache() throws Exception {
        write(work.resolve("Hello.java"), "public class Hello { public static void main(String[] a) {} }");

        Result r = jiffy.run("build", "Hello.java");

        assertThat(r.exit()).as(r.toString()).isZero();
        // A new cache (a CI machine's, filled from a remote) then starts without hashing the jar again.
        Path jar = Path.of(System.getProperty("jiffy.root"), "target", "jiffy.jar");
        assertThat(jar.resolveSibling(".jiffy.jar.stat")).content().contains("\t" + jar + "\n");
        assertThat(temp.toRealPath().resolve("cache/run/@jiffy.stat")).doesNotExist();
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
        assertThat(first.out()).as(first.toString()).isEqualTo("one\n");
        assertThat(first.errLines()).contains("javac 2 files of app");

        write(app.resolve("Greeting.java"), "class Greeting { static final String TEXT = \"two\"; }\n");
        Result changed = jiffy.run("run", "-x", "app");
        assertThat(changed.out()).as(changed.toString()).isEqualTo("two\n");
        assertThat(changed.errLines()).as(changed.toString()).contains("javac 2 files of app");
        assertThat(changed.executable()).isNotEqualTo(first.executable());

        // Content-addressed: the old content is the old program, still in the cache.
        write(app.resolve("Greeting.java"), original);
        Result back = jiffy.run("run", "-x", "app");
        assertThat(back.out()).as(back.toString()).isEqualTo("one\n");
        assertThat(back.hit()).as(back.toString()).isTrue();
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
        assertThat(first.out()).as(first.toString()).isEqualTo("first\n");
        assertThat(first.compiled()).isTrue();

        Result second = jiffy.run("run", "-x", "-main", "Second", "two");
        assertThat(second.out()).as(second.toString()).isEqualTo("second\n");
        assertThat(second.hit()).as(second.toString()).isFalse();
        assertThat(second.errLines()).as(second.toString()).contains("link two (main class Second)");
        assertThat(second.compiled()).as("the sources did not change: compile is a hit").isFalse();
        assertThat(second.executable()).isNotEqualTo(first.executable());

        Result again = jiffy.run("run", "-x", "-main", "First", "two");
        assertThat(again.out()).isEqualTo("first\n");
        assertThat(again.hit()).as(again.toString()).isTrue();
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
        assertThat(chosen.out()).as(chosen.toString()).isEqualTo("second\n");

        Result plain = jiffy.run("run", "two");
        assertThat(plain.exit()).as(plain.toString()).isEqualTo(1);
        assertThat(plain.out()).isEmpty();
        assertThat(plain.err()).contains("several classes with a main method");
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
        assertThat(first.exit()).as(first.toString()).isZero();
        Assumptions.assumeFalse(first.out().contains(OTHER_JDK.toString()), "java on PATH is already " + OTHER_JDK);

        Jiffy other = jiffy.with("JAVA_HOME", OTHER_JDK.toString());
        Result onOther = other.run("run", "-x", "Version.java");
        assertThat(onOther.exit()).as(onOther.toString()).isZero();
        assertThat(onOther.out()).startsWith("25 " + OTHER_JDK.toRealPath());
        assertThat(onOther.compiled()).as(onOther.toString()).isTrue();
        assertThat(onOther.executable()).isNotEqualTo(first.executable());

        // -java names the same JDK as JAVA_HOME did: the same build, found in the cache.
        Result flag = plain.run("run", "-x", "-java", OTHER_JDK.toString(), "Version.java");
        assertThat(flag.out()).as(flag.toString()).isEqualTo(onOther.out());
        assertThat(flag.hit()).as(flag.toString()).isTrue();
        assertThat(flag.executable()).isEqualTo(onOther.executable());

        Result back = plain.run("run", "-x", "Version.java");
        assertThat(back.out()).isEqualTo(first.out());
        assertThat(back.hit()).as(back.toString()).isTrue();
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
        assertThat(first.out()).as(first.toString()).isEqualTo("util\n");

        Files.move(app.resolve("Util.java"), app.resolve("Helpers.java"));
        Result renamed = jiffy.run("run", "-x", "app");
        assertThat(renamed.out()).as(renamed.toString()).isEqualTo("util\n");
        assertThat(renamed.compiled()).as(renamed.toString()).isTrue();
        assertThat(renamed.executable()).isNotEqualTo(first.executable());
    }

    @Test
    void renamedScriptRebuildsUnderItsNewName() throws Exception {
        String text = "class Tool { public static void main(String[] args) { System.out.println(\"tool\"); } }\n";
        write(work.resolve("Tool.java"), text);
        Result first = jiffy.run("run", "-x", "Tool.java");
        assertThat(first.out()).as(first.toString()).isEqualTo("tool\n");

        Files.move(work.resolve("Tool.java"), work.resolve("Renamed.java"));
        Result renamed = jiffy.run("run", "-x", "Renamed.java");
        assertThat(renamed.out()).as(renamed.toString()).isEqualTo("tool\n");
        assertThat(renamed.compiled()).as(renamed.toString()).isTrue();
        assertThat(renamed.executable().getFileName()).hasToString("Renamed");
    }

    @Test
    void touchWithoutChangeIsAHit() throws Exception {
        Path app = work.resolve("app");
        Path main = write(app.resolve("Main.java"), """
                public class Main { public static void main(String[] args) { System.out.println("same"); } }
                """);
        Result first = jiffy.run("run", "-x", "app");
        assertThat(first.out()).as(first.toString()).isEqualTo("same\n");

        Files.setLastModifiedTime(main, FileTime.from(Instant.now().plusSeconds(5)));
        Files.setLastModifiedTime(app, FileTime.from(Instant.now().plusSeconds(5)));
        Result touched = jiffy.run("run", "-x", "app");
        assertThat(touched.out()).as(touched.toString()).isEqualTo("same\n");
        assertThat(touched.hit()).as(touched.toString()).isTrue();
        assertThat(touched.compiled()).isFalse();
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
        assertThat(runA.out()).as(runA.toString()).isEqualTo("I am a\n");
        assertThat(runB.out()).as(runB.toString()).isEqualTo("I am b\n");
        assertThat(runB.hit()).isFalse();
        assertThat(runA.executable()).isNotEqualTo(runB.executable());
        assertThat(runA.executable().getParent()).isNotEqualTo(runB.executable().getParent());

        // And each goes on running its own code, also through the run files.
        assertThat(jiffy.run("run", "a/app").out()).isEqualTo("I am a\n");
        assertThat(jiffy.in(b).run("run", ".").out()).isEqualTo("I am b\n");
        assertThat(jiffy.in(a).run("run", "-x", ".").out()).isEqualTo("I am a\n");
    }
}
