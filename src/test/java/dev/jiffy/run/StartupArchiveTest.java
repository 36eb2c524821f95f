package dev.jiffy.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.work.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up archive's rules, with the run file sourced by a real sh as the launcher does (globbing
 * off), in a directory whose name has a space and a quote, and a stand-in for bin/java: it
 * "records" an archive where -XX:ArchiveClassesAtExit says, passes -version, and otherwise prints
 * its archive flag and exits 7. A run records, the next places what it left (in the background),
 * the one after starts with it. Real JVMs make and map archives in StartupArchiveIT.
 */
class StartupArchiveTest {
    /** HotSpot's magic for a dynamic archive, little-endian, as the stand-in writes it. */
    private static final byte[] MAGIC = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0};

    @TempDir
    Path temp;
    Path dir;
    Path executable;
    Jdk jdk;
    Path runFile;
    Path trainDir;
    final Clock now = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10));

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(temp.resolve("cache it's/ab/exe dir-d"));
        executable = Files.writeString(dir.resolve("Hello"), "a jar would be here\n");
        Path home = Files.createDirectories(temp.resolve("jdk/bin")).getParent();
        Path java = Files.writeString(home.resolve("bin/java"), """
                #!/bin/sh
                for a; do
                  case $a in
                  -XX:ArchiveClassesAtExit=*) printf '\\250\\253\\013\\360 an archive' >"${a#*=}" ;;
                  -version) exit 0 ;;
                  esac
                done
                for a; do
                  case $a in -XX:SharedArchiveFile=*) echo "ran with ${a##*/}" ; exit 7 ;; esac
                done
                echo "ran plain"
                exit 7
                """);
        java.toFile().setExecutable(true);
        jdk = new Jdk(home, "17.0.1+1", "test", 17);
        Files.setLastModifiedTime(executable, FileTime.from(Instant.now().minusSeconds(60)));
        runFile = temp.resolve("cache it's/run/x/Hello.java.run");
        trainDir = StartupArchive.trainingDirectory(temp.resolve("cache it's"));
        dev.jiffy.cache.CacheDirectory.prepare(trainDir);
    }

    private StartupArchive archive() {
        return StartupArchive.of(jdk, executable, List.of(), false, trainDir);
    }

    private void writeRunFile() throws Exception {
        LaunchCommand launch = new LaunchCommand(jdk.javaBinary(), List.of(), executable, "Hello", archive(), List.of(),
                false);
        assertThat(RunFiles.write(runFile, Map.of(), executable, launch, Map.of(), now)).isTrue();
    }

    private List<String> archives() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    /** Sources the run file with globbing off, as bin/jiffy does; its output and status. */
    private String source() throws Exception {
        List<String> command = List.of("sh", "-c", "set -f; command . \"$RUNFILE\"; echo \"fell through $?\"");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("RUNFILE", runFile.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out + "status " + p.waitFor();
    }

    /** The archive the background job places, once it is there and its temporary files are gone. */
    private String awaitArchive() throws Exception {
        for (int i = 0; i < 200; i++) {
            List<String> names = archives();
            if (names.size() == 1 && names.get(0).startsWith(".cds-") && names.get(0).endsWith(".jsa")) {
                return names.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no archive placed: " + archives());
    }

    @Test
    void aRunWithoutAnArchiveRecordsItWithTheProgramsStatusAndTheNextStartsWithIt() throws Exception {
        writeRunFile();
        assertThat(source()).isEqualTo("ran plain\nstatus 7");
        try (Stream<Path> files = Files.list(trainDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("its claim and what it recorded").hasSize(2)
                    .allMatch(n -> n.matches("[0-9a-f]{16}-[0-9a-f]{16}\\.[0-9]+\\.(run|jsa)"));
        }
        assertThat(source()).as("placing it").isEqualTo("ran plain\nstatus 7");
        String placed = awaitArchive();
        assertThat(placed).matches("\\.cds-[0-9a-f]{16}\\.15\\.jsa");
        try (Stream<Path> files = Files.list(trainDir)) {
            assertThat(files).isEmpty();
        }

        assertThat(source()).isEqualTo("ran with " + placed + "\nstatus 7");
        assertThat(archive().current()).isEqualTo(dir.resolve(placed));
    }

    @Test
    void anArchiveWhoseSizeIsNotItsNamesIsDroppedAndMadeAgain() throws Exception {
        writeRunFile();
        Path cut = Files.write(dir.resolve(".cds-" + key() + ".999.jsa"), MAGIC);
        assertThat(source()).isEqualTo("ran plain\nstatus 7");
        assertThat(cut).doesNotExist();
        assertThat(source()).isEqualTo("ran plain\nstatus 7");
        assertThat(awaitArchive()).endsWith(".15.jsa");
    }

    @Test
    void jiffysJvmTakesOnlyAnArchiveOfTheRightSizeAndFirstBytes() throws Exception {
        StartupArchive archive = archive();
        assertThat(archive.current()).isNull();
        Path cut = Files.write(dir.resolve(".cds-" + key() + ".10.jsa"), MAGIC);
        Path garbage = Files.write(dir.resolve(".cds-" + key() + ".4.jsa"), new byte[4]);
        assertThat(archive.current()).isNull();
        assertThat(cut).doesNotExist();
        assertThat(garbage).doesNotExist();

        Path good = Files.write(dir.resolve(".cds-" + key() + ".4.jsa"), MAGIC);
        assertThat(archive.current()).isEqualTo(good);
    }

    @Test
    void aRunThatMadeNoArchiveLeavesAMarkerAndLaterRunsDoNotTryAgain() throws Exception {
        // A JVM that exits 0 and records nothing (as one whose program halts).
        Files.writeString(jdk.javaBinary(), "#!/bin/sh\necho \"ran $#\"\n");
        writeRunFile();
        assertThat(source()).startsWith("ran ");
        assertThat(source()).startsWith("ran ");
        for (int i = 0; i < 200 && !Files.exists(archive().noneMarker()); i++) {
            Thread.sleep(50);
        }
        assertThat(archive().noneMarker()).exists();
        assertThat(archive().mayTrain()).isFalse();
        // Plain: java -XX:-UsePerfData -cp <executable> Hello, four arguments, no archive flag.
        assertThat(source()).isEqualTo("ran 4\nstatus 0");
    }

    @Test
    void programsThatChooseArchivesOrAgentsThemselvesOrStartAsJarsGetNone() {
        assertThat(StartupArchive.of(jdk, executable, List.of("-Xshare:off"), false, trainDir)).isNull();
        assertThat(StartupArchive.of(jdk, executable, List.of("-XX:SharedArchiveFile=mine.jsa"), false, trainDir)).isNull();
        assertThat(StartupArchive.of(jdk, executable, List.of("-javaagent:agent.jar"), false, trainDir)).isNull();
        assertThat(StartupArchive.of(jdk, executable, List.of(), true, trainDir)).isNull();
        assertThat(StartupArchive.of(jdk, executable, List.of("-Xmx64m"), false, trainDir)).isNotNull();
    }

    @Test
    void theKeyIsTheJdkBuildAndTheProgramsOptionsAndOnJdk25AlsoTheCpu() {
        Jdk other = new Jdk(jdk.home(), "17.0.2+1", "test", 17);
        Jdk jdk25 = new Jdk(jdk.home(), "17.0.1+1", "test", 25);
        assertThat(StartupArchive.of(other, executable, List.of(), false, trainDir).noneMarker())
                .isNotEqualTo(archive().noneMarker());
        assertThat(StartupArchive.of(jdk, executable, List.of("--enable-preview"), false, trainDir).noneMarker())
                .isNotEqualTo(archive().noneMarker());
        StartupArchive aot = StartupArchive.of(jdk25, executable, List.of(), false, trainDir);
        assertThat(aot.isAotCache()).isTrue();
        assertThat(aot.noneMarker()).isNotEqualTo(archive().noneMarker());
        assertThat(aot.shellGlob()).endsWith("'.aot'");
    }

    private String key() {
        String name = archive().noneMarker().getFileName().toString();
        return name.substring(".cds-".length(), name.length() - ".none".length());
    }
}
