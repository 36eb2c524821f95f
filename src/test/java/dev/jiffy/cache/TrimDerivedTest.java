package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trim also ages out the files the layers above derive from entries (run files, manifests). */
class TrimDerivedTest {
    static final Instant T = Instant.parse("2024-07-08T09:10:11Z");

    @TempDir
    Path tmp;

    @Test
    void derivedFilesUnusedForTheTrimAgeGoWithTheDirectoriesTheyLeaveEmpty() throws Exception {
        Path root = tmp.resolve("cache");
        DiskCache.open(root, new TestClock(T), false).close();
        Path run = root.resolve(Trim.DERIVED);
        Path old = write(run.resolve("home/u/old/Old.java.run"), T.minus(Duration.ofDays(6)));
        Path oldStat = write(run.resolve("home/u/old/Old.java.stat"), T.minus(Duration.ofDays(6)));
        Path fresh = write(run.resolve("home/u/new/New.java.run"), T.minus(Duration.ofDays(4)));

        Trim.Result r = new Trim(root, new TestClock(T), Duration.ofDays(5), Long.MAX_VALUE).run(true);

        assertThat(r.ran()).isTrue();
        assertThat(old).doesNotExist();
        assertThat(oldStat).doesNotExist();
        assertThat(old.getParent()).doesNotExist();
        assertThat(fresh).exists();
        assertThat(run.resolve("home/u")).isDirectory();
    }

    private static Path write(Path file, Instant mtime) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return file;
    }
}
