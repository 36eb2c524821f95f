package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A program started by {@code jiffy run} behaves as under {@code java}: its exit status, its
 * arguments word for word, its stdin, its working directory. Each case runs twice: through jiffy's
 * JVM ({@code -x}, which hands the command back to the launcher) and through the run file that
 * the launcher sources without starting jiffy's JVM at all.
 */
class ProgramBehaviourIT {
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    static final Path work = sandbox.work();
    static final Jiffy jiffy = sandbox.jiffy();
    static final Path runFile = Path.of(sandbox.cache() + "/run" + work.resolve("Probe.java") + ".run");

    @BeforeAll
    static void buildProbe() throws Exception {
        write(work.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] args) throws Exception {
                        switch (args.length == 0 ? "" : args[0]) {
                            case "args" -> {
                                for (int i = 1; i < args.length; i++) {
                                    System.out.println("[" + args[i] + "]");
                                }
                            }
                            case "exit" -> System.exit(Integer.parseInt(args[1]));
                            case "thread-exit" -> {
                                Thread t = new Thread(() -> System.exit(7));
                                t.start();
                                t.join();
                                System.out.println("not reached");
                            }
                            case "stdin" -> {
                                byte[] in = System.in.readAllBytes();
                                System.out.println(in.length + " bytes");
                                System.out.write(in);
                                System.out.flush();
                            }
                            case "cwd" -> System.out.println(System.getProperty("user.dir"));
                            default -> System.out.println("no such probe");
                        }
                    }
                }
                """);
        // A run file is written only once no input changed in the last two seconds (the racy rule).
        for (int attempt = 0; attempt < 10 && !Files.exists(runFile); attempt++) {
            Result r = jiffy.run("run", "Probe.java");
            assertThat(r).succeeded().printed("no such probe\n");
            if (!Files.exists(runFile)) {
                Thread.sleep(1000);
            }
        }
        assertThat(runFile).as("run file after the racy window").exists();
    }

    /** {@code jiffy run [-x] Probe.java probeArgs...}: -x for the JVM path, nothing for the run file. */
    private static Result probe(String path, byte[] input, String... probeArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("run"));
        if (path.equals("jvm")) {
            args.add("-x");
        }
        args.add("Probe.java");
        args.addAll(List.of(probeArgs));
        Object before = runFileIdentity();
        Result r = jiffy.runWithInput(input, args.toArray(String[]::new));
        if (path.equals("jvm")) {
            assertThat(r).as("went through jiffy's JVM").isHit();
        } else {
            // jiffy's JVM replaces the run file each time it runs; the launcher alone leaves it be.
            assertThat(runFileIdentity()).as("the run file was used, not rewritten").isEqualTo(before);
            assertThat(r).stderr().isEmpty();
        }
        return r;
    }

    private static Object runFileIdentity() throws Exception {
        return Files.readAttributes(runFile, "unix:ino,lastModifiedTime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "runfile"})
    void exitStatusIsTheProgramsOwn(String path) throws Exception {
        assertThat(probe(path, new byte[0], "exit", "0")).succeeded();
        assertThat(probe(path, new byte[0], "exit", "3")).exitedWith(3);
        assertThat(probe(path, new byte[0], "exit", "255")).exitedWith(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "runfile"})
    void systemExitInAThreadEndsTheProgramWithItsStatus(String path) throws Exception {
        Result r = probe(path, new byte[0], "thread-exit");
        assertThat(r).exitedWith(7).printed("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "runfile"})
    void argumentsArriveWordForWord(String path) throws Exception {
        String[] words = {"a b", "  leading and trailing  ", "'single'", "\"double\"", "it's", "-x", "--", "-a",
                "-main", "Probe.java", "", "$HOME", "*", "back\\slash", "two\nlines", "semi;colon", "`tick`",
                "$(echo no)", "tab\there", "%s %d"};
        List<String> args = new ArrayList<>(List.of("args"));
        args.addAll(List.of(words));
        Result r = probe(path, new byte[0], args.toArray(String[]::new));
        StringBuilder expected = new StringBuilder();
        for (String w : words) {
            expected.append('[').append(w).append("]\n");
        }
        assertThat(r).succeeded().printed(expected.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "runfile"})
    void stdinReachesTheProgramWhole(String path) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        Result r = probe(path, input, "stdin");
        assertThat(r).succeeded().printed(input.length + " bytes\n" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "runfile"})
    void programRunsInTheCallersDirectory(String path) throws Exception {
        Result r = probe(path, new byte[0], "cwd");
        assertThat(r).printed(work + "\n");
    }
}
