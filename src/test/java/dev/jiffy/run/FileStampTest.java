package dev.jiffy.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stamp is compared by the run file as the text {@code stat} prints, so it must be that text to the byte. */
class FileStampTest {
    @TempDir
    Path temp;

    @Test
    void statLineIsWhatStatPrintsForAFileAndADirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("Hello World.java"), "class A {}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05.000000007Z")));
        for (Path p : new Path[] {file, temp}) {
            assertThat(FileStamp.of(p).statLine()).isEqualTo(stat(p));
        }
    }

    @Test
    void anEditChangesTheStampEvenWithTheSameSizeAndMtime() throws Exception {
        Path file = Files.writeString(temp.resolve("A.java"), "class A {}\n");
        FileTime mtime = Files.getLastModifiedTime(file);
        FileStamp before = FileStamp.of(file);
        Thread.sleep(10);
        Files.writeString(file, "class B {}\n");
        Files.setLastModifiedTime(file, mtime);

        assertThat(FileStamp.of(file).statLine()).isNotEqualTo(before.statLine());
        assertThat(FileStamp.of(file).size()).isEqualTo(before.size());
    }

    private static String stat(Path p) throws Exception {
        Process stat = new ProcessBuilder("stat", "-L", "-c", FileStamp.STAT_FORMAT, "--", p.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(stat.waitFor()).isZero();
        return out;
    }
}
