package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.assertNoStackTrace;
import static dev.jiffy.cli.Reliability.assertRan;
import static dev.jiffy.cli.Reliability.assertVerifiesClean;
import static dev.jiffy.cli.Reliability.temporaryFiles;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disk and permissions: a cache that runs out of space in the middle of a put, a read-only
 * cache, a cache that cannot be created: one warning and the program runs, uncached. A cache
 * that someone else owns or may write to is refused, by jiffy's JVM and by the launcher. The
 * cache's files get modes that follow the umask and never let others write.
 *
 * <p>Small and read-only file systems are tmpfs mounts, which need root (or CAP_SYS_ADMIN);
 * elsewhere those tests are skipped, saying so.
 */
@Tag(Reliability.TAG)
class ReliabilityDiskIT {
    private static final String HELLO = """
            public class Hello {
                public static void main(String[] args) {
                    System.out.println("hello " + String.join(",", args));
                    System.exit(5);
                }
            }
            """;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final List<Path> mounts = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Path hello = Jiffy.write(work.resolve("Hello.java"), HELLO);
        Files.setLastModifiedTime(hello, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            // Lazily if need be: a background dump jiffy started may still have a file open there.
            sh("umount " + m + " 2>/dev/null || umount -l " + m);
        }
    }

    private Result sh(String command) throws Exception {
        return sandbox.jiffy().in(Path.of("/")).exec(List.of("sh", "-c", command), new byte[0]);
    }

    /** A tmpfs of {@code size} at a new directory, or the test is skipped naming why. */
    private Path tmpfs(String name, String size) throws Exception {
        Path dir = Files.createDirectory(sandbox.dir().resolve(name));
        Result r = sh("mount -t tmpfs -o size=" + size + ",mode=0700 jiffy-test " + dir);
        assumeTrue(r.exit() == 0, "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + r.err().strip());
        mounts.add(dir);
        return dir;
    }

    /** A script whose executable holds {@code bytes} of incompressible resource. */
    private Path bigProgram(String name, int bytes) throws IOException {
        byte[] noise = new byte[bytes];
        new Random(bytes).nextBytes(noise);
        Files.write(work.resolve(name + ".bin"), noise);
        Path script = Jiffy.write(work.resolve(name + ".java"), """
                //FILES NAME.bin
                public class NAME {
                    public static void main(String[] args) throws Exception {
                        try (var in = NAME.class.getResourceAsStream("/NAME.bin")) {
                            System.out.println("NAME " + in.readAllBytes().length);
                        }
                    }
                }
                """.replace("NAME", name));
        Reliability.backdate(work);
        return script;
    }

    private static void assertOneWarning(Result r, String... parts) {
        assertThat(r).stderrLinesStartingWith("jiffy:").singleElement().asString()
                .startsWith("jiffy: warning: ").contains(parts);
    }

    @Test
    void theDiskFillingUpDuringAPutIsAWarningAndAnUncachedRun() throws Exception {
        Path cache = tmpfs("small", "2m").resolve("cache");
        Jiffy jiffy = sandbox.jiffy().withCache(cache);
        bigProgram("Big", 3 << 20);
        for (String arg : List.of("first", "second")) {
            Result r = jiffy.run("run", "Big.java", arg);
            assertRan(r, "Big " + (3 << 20) + "\n", 0);
            assertOneWarning(r, "cannot store the build", "No space left on device", "running it uncached");
        }
        assertThat(temporaryFiles(cache)).isEmpty();
        assertVerifiesClean(jiffy);
        // The small program of the same cache still fits, and is cached as usual.
        Result hello = jiffy.run("run", "-x", "Hello.java", "fits");
        assertRan(hello, "hello fits\n", 5);
        assertThat(hello).stderrLinesStartingWith("jiffy:").isEmpty();
        assertThat(jiffy.run("run", "-x", "Hello.java", "again")).isHit();
    }

    @Test
    void aFullDiskIsAWarningAndAnUncachedRunUntilThereIsSpaceAgain() throws Exception {
        Path disk = tmpfs("full", "2m");
        Path cache = disk.resolve("cache");
        Jiffy jiffy = sandbox.jiffy().withCache(cache);
        Path filler = disk.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            assertThat(e).hasMessageContaining("No space left on device");
        }
        Result r = jiffy.run("run", "Hello.java", "full");
        assertRan(r, "hello full\n", 5);
        assertOneWarning(r, "No space left on device");

        Files.delete(filler);
        Result cached = jiffy.run("run", "-x", "Hello.java", "space");
        assertRan(cached, "hello space\n", 5);
        assertThat(cached).stderrLinesStartingWith("jiffy:").isEmpty();
        assertThat(cached.executable()).startsWith(cache);
        assertVerifiesClean(jiffy);
    }

    @Test
    void aReadOnlyCacheRunsWhatItHoldsAndBuildsTheRestUncached() throws Exception {
        Path disk = tmpfs("ro", "64m");
        Path cache = disk.resolve("cache");
        Jiffy jiffy = sandbox.jiffy().withCache(cache);
        assertRan(jiffy.run("run", "Hello.java", "cached"), "hello cached\n", 5);
        Jiffy.write(work.resolve("World.java"), HELLO.replace("Hello", "World").replace("hello", "world"));
        Result ro = sh("mount -o remount,ro " + disk);
        assumeTrue(ro.exit() == 0, "cannot remount a tmpfs read-only here: " + ro.err().strip());

        for (String flag : List.of("-x", "-v")) {
            Result hit = jiffy.run("run", flag, "Hello.java", "ro");
            assertRan(hit, "hello ro\n", 5);
            assertThat(hit).stderrLinesStartingWith("jiffy:").isEmpty();
        }
        assertRan(jiffy.run("run", "Hello.java", "fast"), "hello fast\n", 5);
        Result built = jiffy.run("run", "World.java", "ro");
        assertRan(built, "world ro\n", 5);
        assertOneWarning(built, "cannot store the build", "Read-only file system");
        assertVerifiesClean(jiffy);
    }

    @Test
    void aCachePathThatCannotBeCreatedIsAWarningAndAnUncachedRun() throws Exception {
        Path file = Files.writeString(sandbox.dir().resolve("a-file"), "not a directory\n");
        Jiffy jiffy = sandbox.jiffy().withCache(file.resolve("cache"));
        Result r = jiffy.run("run", "Hello.java", "nowhere");
        assertRan(r, "hello nowhere\n", 5);
        assertOneWarning(r, file.resolve("cache").toString(), "cannot be used");
        assertThat(Files.readString(file)).isEqualTo("not a directory\n");
    }

    /**
     * A cache others may write to, or that someone else owns, is refused before anything in it
     * runs: also when a run file in it would let the launcher start the program on its own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"world-writable", "group-writable", "owned by nobody"})
    void aCacheOthersControlIsRefused(String how) throws Exception {
        Path cache = sandbox.cache();
        Jiffy jiffy = sandbox.jiffy();
        Thread.sleep(2_200);
        assertRan(jiffy.run("run", "Hello.java", "mine"), "hello mine\n", 5);
        assertThat(Path.of(cache + "/run" + work.resolve("Hello.java") + ".run")).exists();
        switch (how) {
            case "world-writable" -> Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
            case "group-writable" -> Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwx---"));
            default -> {
                Result chown = sh("chown -R nobody " + cache);
                assumeTrue(chown.exit() == 0, "cannot chown to nobody here (needs root): " + chown.err().strip());
            }
        }
        List<String[]> commands = new ArrayList<>(List.of(new String[] {"run", "-x", "Hello.java"},
                new String[] {"build", "Hello.java"}));
        if (how.startsWith("owned")) {
            // The launcher sources no run file from a cache the user does not own. It cannot see
            // the mode of a directory without starting a process, so a run file of a cache made
            // writable after it was written is used until it expires (SECURITY.md).
            commands.add(new String[] {"run", "Hello.java", "theirs"});
        }
        for (String[] args : commands) {
            Result r = jiffy.run(args);
            assertThat(r).exitedWith(1).printed("").stderrLines().singleElement().asString().startsWith("jiffy: " + cache)
                    .containsAnyOf("writable by others", "writable by its group", "owned by nobody").contains("refusing");
            assertNoStackTrace(r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"022", "077"})
    void filesGetModesThatFollowTheUmaskAndNeverLetOthersWrite(String umask) throws Exception {
        Path cache = sandbox.cache();
        Jiffy jiffy = sandbox.jiffy();
        Thread.sleep(2_200);
        List<String> command = List.of("sh", "-c", "umask " + umask + "; exec \"$0\" \"$@\"", Jiffy.LAUNCHER.toString(),
                "run", "-x", "Hello.java", "umask");
        Result r = jiffy.exec(command, new byte[0]);
        assertRan(r, "hello umask\n", 5);
        Path exe = r.executable();
        // The second run records the start-up archive and the third places it, under the same umask.
        assertRan(jiffy.exec(command, new byte[0]), "hello umask\n", 5);
        assertRan(jiffy.exec(command, new byte[0]), "hello umask\n", 5);
        ReliabilityCorruptionIT.awaitArchive(exe.getParent());
        assertThat(Path.of(cache + "/run" + work.resolve("Hello.java") + ".run")).exists();

        assertThat(mode(cache)).isEqualTo("rwx------");
        assertThat(mode(exe)).isEqualTo(umask.equals("022") ? "rwxr-xr-x" : "rwx------");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> all = Files.walk(cache)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                String expected = expectedMode(Files.isDirectory(p) || p.equals(exe), umask);
                String actual = PosixFilePermissions.toString(perms);
                // JDK 17 writes its class-data archive read-only (0444), also less the umask.
                boolean ok = p.equals(cache) || actual.substring(3).equals(expected.substring(3))
                        || (p.getFileName().toString().endsWith(".jsa") && actual.substring(3).equals(umask.equals("022") ? "r--r--" : "------"));
                if (!ok) {
                    wrong.add(actual + " " + cache.relativize(p));
                }
            }
        }
        assertThat(wrong).as("files whose group and others bits do not follow umask " + umask).isEmpty();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** 0777 for directories and executables, 0666 for the rest, less the umask. */
    private static String expectedMode(boolean executable, String umask) {
        String full = executable ? "rwxrwxrwx" : "rw-rw-rw-";
        StringBuilder m = new StringBuilder(full);
        int groupMask = umask.charAt(1) - '0';
        int otherMask = umask.charAt(2) - '0';
        for (int i = 0; i < 3; i++) {
            if ((groupMask & (4 >> i)) != 0) {
                m.setCharAt(3 + i, '-');
            }
            if ((otherMask & (4 >> i)) != 0) {
                m.setCharAt(6 + i, '-');
            }
        }
        return m.toString();
    }
}
