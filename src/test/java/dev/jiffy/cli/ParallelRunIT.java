package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several first runs of one program at once, as when a script is started from a parallel job:
 * each builds or waits for the others, all run the program, and the cache ends up with one
 * good executable.
 */
class ParallelRunIT {
    private static final int RUNS = 6;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void parallelFirstRunsAllSucceed() throws Exception {
        Path work = sandbox.work();
        Path cache = sandbox.cache();
        Jiffy jiffy = sandbox.jiffy();
        write(work.resolve("Par.java"), """
                public class Par {
                    public static void main(String[] args) {
                        System.out.println("run " + args[0]);
                        System.exit(10 + Integer.parseInt(args[0]));
                    }
                }
                """);

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            processes.add(jiffy.start("run", "Par.java", String.valueOf(i)));
        }
        for (int i = 0; i < RUNS; i++) {
            Result r = Jiffy.finish(List.of("run", "Par.java", String.valueOf(i)), processes.get(i), new byte[0]);
            assertThat(r).as("run " + i).printed("run " + i + "\n").exitedWith(10 + i).stderr().doesNotContain("jiffy:");
        }

        Result verify = jiffy.run("cache", "verify");
        assertThat(verify).succeeded();
        try (Stream<Path> files = Files.walk(cache)) {
            List<Path> executables = files.filter(p -> p.getFileName().toString().equals("Par")).toList();
            assertThat(executables).as("one program, one executable").hasSize(1);
            assertThat(executables.get(0).getParent().getFileName().toString()).endsWith("-d");
        }
        Result again = jiffy.run("run", "-x", "Par.java", "0");
        assertThat(again).isHit().exitedWith(10);
    }
}
