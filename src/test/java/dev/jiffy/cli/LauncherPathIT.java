package dev.jiffy.cli;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * jiffy installed where a user may clone it: a directory with a space in its name. Its own
 * class-data archive lives below that directory, so every JVM-path start after the first (the
 * one that dumps the archive) passes that path to the JVM.
 */
class LauncherPathIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void everyStartWorksFromADirectoryWithASpaceInItsName() throws Exception {
        Path install = installCopy(sandbox.dir().resolve("my tools").resolve("jiffy"));
        Path launcher = install.resolve("bin/jiffy");
        Jiffy jiffy = sandbox.jiffy();
        Jiffy.write(sandbox.work().resolve("Hi.java"),
                "class Hi { public static void main(String[] a) { System.out.println(\"hi \" + a.length); } }\n");

        for (int i = 0; i < 3; i++) {
            // -a takes the JVM path every time: the first start dumps jiffy's archive, later ones map it.
            Result run = jiffy.exec(List.of(launcher.toString(), "run", "-a", "Hi.java", "x"), new byte[0]);
            assertThat(run).printed("hi 1\n").stderr().isEmpty();
        }
        try (Stream<Path> archives = Files.walk(install.resolve("target/cds"))) {
            assertThat(archives.filter(p -> p.toString().endsWith("jiffy.jsa"))).hasSize(1);
        }
        Result version = jiffy.exec(List.of(launcher.toString(), "version"), new byte[0]);
        assertThat(version).succeeded().stdout().startsWith("jiffy ");
        Result hit = jiffy.exec(List.of(launcher.toString(), "run", "Hi.java"), new byte[0]);
        assertThat(hit).printed("hi 0\n");
    }

    /**
     * On JDK 25 jiffy's own archive is the AOT cache: the first JVM-path start records it (with
     * nothing of the JVM's on stdout), a background job assembles it, later starts map it.
     */
    @Test
    void onJdk25JiffysOwnJvmRecordsAndThenMapsItsAotCache() throws Exception {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25");
        Path install = installCopy(sandbox.dir().resolve("my tools").resolve("jiffy"));
        Path launcher = install.resolve("bin/jiffy");
        Jiffy jiffy = sandbox.jiffy().with("JAVA_HOME", jdk25.toString());
        Jiffy.write(sandbox.work().resolve("Hi.java"),
                "class Hi { public static void main(String[] a) { System.out.println(\"hi \" + a.length); } }\n");
        Result first = jiffy.exec(List.of(launcher.toString(), "run", "-a", "Hi.java", "x"), new byte[0]);
        assertThat(first).printed("hi 1\n").stderr().isEmpty();
        Path aot = Path.of(install + "/target/cds" + jdk25 + "/jiffy.aot");
        for (int i = 0; i < 480 && !Files.exists(aot); i++) {
            Thread.sleep(250);
        }
        assertThat(aot).as("assembled in the background").exists();
        for (int i = 0; i < 2; i++) {
            Result run = jiffy.exec(List.of(launcher.toString(), "run", "-a", "Hi.java", "x"), new byte[0]);
            assertThat(run).printed("hi 1\n").stderr().isEmpty();
        }
    }

    /** The launcher and the built jar with its libraries, as a clone that has built itself holds them. */
    private static Path installCopy(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("target/lib"));
        Files.copy(Jiffy.LAUNCHER, dir.resolve("bin/jiffy"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Jiffy.ROOT.resolve("target/jiffy.jar"), dir.resolve("target/jiffy.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> libs = Files.list(Jiffy.ROOT.resolve("target/lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, dir.resolve("target/lib").resolve(lib.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return dir;
    }
}
