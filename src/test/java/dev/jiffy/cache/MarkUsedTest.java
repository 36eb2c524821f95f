package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hit refreshes mtimes only when they are more than an hour old, so that most hits cost no write. */
class MarkUsedTest {
    static final Instant T = Instant.parse("2024-03-04T05:06:07Z");

    @TempDir
    Path tmp;
    Path root;
    TestClock clock;
    DiskCache cache;

    @BeforeEach
    void open() throws IOException {
        root = tmp.resolve("cache");
        clock = new TestClock(T);
        cache = DiskCache.open(root, clock, false);
    }

    @AfterEach
    void close() throws IOException {
        cache.close();
    }

    @Test
    void aHitWithinTheHourLeavesMtimesAlone() throws IOException {
        ActionId a = Ids.action("recent");
        Path[] files = put(a, Ids.bytes("recent"));
        setMtime(T.minus(Duration.ofHours(1)), files);

        assertThat(cache.get(a)).isInstanceOf(Lookup.Hit.class);

        assertThat(mtime(files[0])).isEqualTo(T.minus(Duration.ofHours(1)));
        assertThat(mtime(files[1])).isEqualTo(T.minus(Duration.ofHours(1)));
    }

    @Test
    void aHitMoreThanAnHourLaterSetsMtimesToNow() throws IOException {
        ActionId a = Ids.action("stale");
        Path[] files = put(a, Ids.bytes("stale"));
        setMtime(T.minus(Duration.ofHours(1)).minusSeconds(1), files);

        assertThat(cache.get(a)).isInstanceOf(Lookup.Hit.class);

        assertThat(mtime(files[0])).isEqualTo(T);
        assertThat(mtime(files[1])).isEqualTo(T);
    }

    @Test
    void theClockNotTheWallDecides() throws IOException {
        ActionId a = Ids.action("clock");
        Path[] files = put(a, Ids.bytes("clock"));
        setMtime(T, files);

        clock.advance(Duration.ofMinutes(59));
        cache.get(a);
        assertThat(mtime(files[0])).isEqualTo(T);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        cache.get(a);
        assertThat(mtime(files[0])).isEqualTo(T.plus(Duration.ofMinutes(60)).plusSeconds(1));
        assertThat(mtime(files[1])).isEqualTo(T.plus(Duration.ofMinutes(60)).plusSeconds(1));
    }

    @Test
    void anExecutableIsMarkedThroughItsDirectory() throws IOException {
        ActionId a = Ids.action("exe");
        OutputId out = cache.putExecutable(a, "prog", Ids.bytes("program")).outputId();
        Path index = Ids.indexFile(root, a);
        Path dir = Ids.contentPath(root, out);
        setMtime(T.minus(Duration.ofDays(3)), index, dir);

        cache.get(a);

        assertThat(mtime(index)).isEqualTo(T);
        assertThat(mtime(dir)).isEqualTo(T);
    }

    @Test
    void aMissMarksNothing() throws IOException {
        ActionId a = Ids.action("miss");
        Path[] files = put(a, Ids.bytes("0123456789"));
        Files.write(files[1], Ids.bytes("012345678"));
        setMtime(T.minus(Duration.ofDays(3)), files);

        assertThat(cache.get(a)).isInstanceOf(Lookup.Miss.class);

        assertThat(mtime(files[0])).isEqualTo(T.minus(Duration.ofDays(3)));
        assertThat(mtime(files[1])).isEqualTo(T.minus(Duration.ofDays(3)));
    }

    /** Puts an entry and returns its index file and content file. */
    private Path[] put(ActionId a, byte[] data) throws IOException {
        OutputId out = cache.put(a, data).outputId();
        return new Path[] {Ids.indexFile(root, a), Ids.contentPath(root, out)};
    }

    static void setMtime(Instant t, Path... files) throws IOException {
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.from(t));
        }
    }

    static Instant mtime(Path f) throws IOException {
        return Files.getLastModifiedTime(f).toInstant();
    }
}
