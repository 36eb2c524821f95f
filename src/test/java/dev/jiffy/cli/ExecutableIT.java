package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.Sha256;
import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The executable {@code jiffy build} leaves in the cache and copies out with {@code -o}: where it
 * lies, that it is named by its content, runs on its own, is the same bytes when built again,
 * and carries build info for {@code jiffy version -m}.
 */
class ExecutableIT {
    private static final String MAIN = """
            package com.example;

            public class Main {
                public static void main(String[] args) {
                    System.out.println(Words.join(args));
                    System.exit(args.length);
                }
            }
            """;
    private static final String WORDS = """
            package com.example;

            final class Words {
                static String join(String[] words) {
                    return "words: " + String.join(",", words);
                }
            }
            """;

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    static final Path work = sandbox.work();
    static final Path cache = sandbox.cache();
    static final Jiffy jiffy = sandbox.jiffy();
    static Result built;

    @BeforeAll
    static void build() throws Exception {
        write(work.resolve("greeter/src/com/example/Main.java"), MAIN);
        write(work.resolve("greeter/src/com/example/Words.java"), WORDS);
        built = jiffy.in(work.resolve("greeter")).run("build", "-x", ".");
        assertThat(built).succeeded();
        assertThat(built.executable()).as(built.toString()).isNotNull();
    }

    @Test
    void executableLiesInTheCacheUnderItsOutputId() throws Exception {
        Path exe = built.executable();
        Matcher m = Pattern.compile(Pattern.quote(cache.toString()) + "/([0-9a-f]{2})/([0-9a-f]{64})-d/greeter")
                .matcher(exe.toString());
        assertThat(m.matches()).as(exe.toString()).isTrue();
        assertThat(m.group(2)).startsWith(m.group(1));
        // Content-addressed: the directory is named by the SHA-256 of the file in it.
        assertThat(Sha256.of(exe)).isEqualTo(m.group(2));
        assertThat(Files.getPosixFilePermissions(exe)).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void executableRunsByItself() throws Exception {
        Path exe = built.executable();
        Result viaSh = jiffy.exec(List.of("sh", exe.toString(), "a b", "c"), new byte[0]);
        assertThat(viaSh).printed("words: a b,c\n").exitedWith(2);

        Result direct = jiffy.exec(List.of(exe.toString()), new byte[0]);
        assertThat(direct).printed("words: \n").succeeded();
    }

    @Test
    void buildOutputIsTheSameBytesWhenRebuiltAndRunsWithoutTheCache() throws Exception {
        Jiffy inGreeter = jiffy.in(work.resolve("greeter"));
        Result first = inGreeter.run("build", "-o", "../app1", ".");
        assertThat(first).succeeded();
        Result again = inGreeter.run("build", "-a", "-x", "-o", "../app2", ".");
        assertThat(again).succeeded();
        assertThat(again).as("-a compiles again").compiled();

        byte[] app1 = Files.readAllBytes(work.resolve("app1"));
        assertThat(Files.readAllBytes(work.resolve("app2"))).isEqualTo(app1);
        assertThat(Files.readAllBytes(built.executable())).isEqualTo(app1);

        // A copy of the sources in another place, built into another cache, gives the same bytes:
        // no absolute path or time goes into an executable.
        Path copy = sandbox.dir().resolve("elsewhere");
        write(copy.resolve("greeter/src/com/example/Main.java"), MAIN);
        write(copy.resolve("greeter/src/com/example/Words.java"), WORDS);
        Jiffy elsewhere = jiffy.withCache(sandbox.dir().resolve("other-cache")).in(copy);
        Result other = elsewhere.run("build", "-x", "-o", "app3", "greeter");
        assertThat(other).succeeded();
        assertThat(Files.readAllBytes(copy.resolve("app3"))).isEqualTo(app1);

        // The copy runs on its own: its cache can go.
        Path app = copy.resolve("app3");
        assertThat(Files.getPosixFilePermissions(app)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(elsewhere.run("clean", "-cache")).succeeded();
        assertThat(other.executable()).doesNotExist();
        Result ran = jiffy.in(sandbox.dir()).exec(List.of(app.toString(), "x"), new byte[0]);
        assertThat(ran).printed("words: x\n").exitedWith(1);
    }

    @Test
    void buildOutputIntoADirectoryKeepsTheProgramName() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Result r = jiffy.run("build", "-o", "bin", "greeter");
        assertThat(r).succeeded();
        assertThat(Files.readAllBytes(bin.resolve("greeter"))).isEqualTo(Files.readAllBytes(built.executable()));
    }

    @Test
    void versionShowsTheBuildInfo() throws Exception {
        Result r = jiffy.in(work).run("version", "-m", built.executable().toString());
        assertThat(r).succeeded();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(built.executable() + ":");
        assertThat(lines).contains(
                "\tprogram\tgreeter",
                "\tmain\tcom.example.Main",
                "\tsource\tsrc/com/example/Main.java\t" + Sha256.of(MAIN.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "\tsource\tsrc/com/example/Words.java\t" + Sha256.of(WORDS.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(lines).anyMatch(l -> l.startsWith("\tjdk\t"));
    }

    @Test
    void versionOfAFileThatIsNoExecutableIsOneLine() throws Exception {
        Path source = work.resolve("greeter/src/com/example/Main.java");
        Result r = jiffy.run("version", "-m", source.toString());
        assertThat(r).exitedWith(1).stderrContains("Main.java").stderrLines().hasSize(1);
    }
}
