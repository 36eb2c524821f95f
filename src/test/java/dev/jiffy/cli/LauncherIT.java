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

/** bin/jiffy finds its project from any directory and through symbolic links, absolute or relative. */
class LauncherIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void worksFromAnotherDirectoryAndThroughSymlinks() throws Exception {
        Path dir = sandbox.work();
        Jiffy jiffy = sandbox.jiffy();
        Path absolute = Files.createSymbolicLink(dir.resolve("jiffy-abs"), Jiffy.LAUNCHER);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path relative = Files.createSymbolicLink(bin.resolve("jiffy"), bin.relativize(absolute));
        Path chained = Files.createSymbolicLink(dir.resolve("jiffy-chain"), relative);
        for (Path launcher : List.of(Jiffy.LAUNCHER, absolute, relative, chained)) {
            Result r = jiffy.exec(List.of(launcher.toString(), "version"), new byte[0]);
            assertThat(r).as(launcher.toString()).succeeded().stdout().startsWith("jiffy ");
        }
        Path hello = Jiffy.write(dir.resolve("Hi.java"), "class Hi { public static void main(String[] a) { System.out.println(\"hi\"); } }\n");
        Result run = jiffy.exec(List.of(chained.toString(), "run", hello.getFileName().toString()), new byte[0]);
        assertThat(run).printed("hi\n");
    }
}
