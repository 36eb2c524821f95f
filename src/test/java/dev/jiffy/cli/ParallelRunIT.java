package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several first runs of one program at once, as when a script is started from a parallel job:
 * each builds or waits for the others, all run the program, and the cache ends up with one
 * good executable.
 */
class ParallelRunIT {
    private static final int RUNS = 6;

    @TempDir
    Path temp;

    @Test
    void parallelFirstRunsAllSucceed() throws Exception {
        Path work = Files.createDirectory(temp.toRealPath().resolve("work"));
        Path cache = temp.toRealPath().resolve("cache");
        Jiffy jiffy = Jiffy.withCache(cache, work);
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
            assertThat(r.out()).as("run " + i + ": " + r).isEqualTo("run " + i + "\n");
            assertThat(r.exit()).as("run " + i + ": " + r).isEqualTo(10 + i);
            assertThat(r.err()).as("run " + i).doesNotContain("jiffy:");
        }

        Result verify = jiffy.run("cache", "verify");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        try (Stream<Path> files = Files.walk(cache)) {
            List<Path> executables = files.filter(p -> p.getFileName().toString().equals("Par")).toList();
            assertThat(executables).as("one program, one executable").hasSize(1);
            assertThat(executables.get(0).getParent().getFileName().toString()).endsWith("-d");
        }
        Result again = jiffy.run("run", "-x", "Par.java", "0");
        assertThat(again.hit()).as(again.toString()).isTrue();
        assertThat(again.exit()).isEqualTo(10);
    }
}
