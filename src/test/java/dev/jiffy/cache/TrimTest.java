package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trim by age, then by size, at most once a day, by one process at a time; all to the second. */
class TrimTest {
    static final Instant T = Instant.parse("2024-07-08T09:10:11Z");
    static final long ENTRY = 1000 + IndexEntry.LENGTH; // one test entry: content and index
    static final Duration AGE = Duration.ofDays(5);
    static final long NO_LIMIT = Long.MAX_VALUE;

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
    void removesWhatDeadRecordingRunsLeftBesideTheCacheButNotWhatALiveOneWillWriteTo() throws IOException {
        Path training = Files.createDirectories(Path.of(root + Trim.TRAINING_SUFFIX));
        long self = ProcessHandle.current().pid();
        Path dead = Files.write(training.resolve("0123456789abcdef-fedcba9876543210.999999999.jsa"), new byte[10]);
        Path live = Files.write(training.resolve("0123456789abcdef-fedcba9876543210." + self + ".run"), new byte[0]);
        Path recent = Files.write(training.resolve("0123456789abcdef-fedcba9876543210.999999998.conf"), new byte[10]);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(T.minus(Trim.TEMP_AGE).minusSeconds(1));
        Files.setLastModifiedTime(dead, old);
        Files.setLastModifiedTime(live, old);
        Files.setLastModifiedTime(recent, java.nio.file.attribute.FileTime.from(T));

        new Trim(root, clock, AGE, NO_LIMIT).run(true);

        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(recent).exists();
    }

    @Test
    void removesEntriesUnusedForLongerThanMaxAge() throws IOException {
        ActionId old = put("old", T.minus(AGE).minusSeconds(1));
        ActionId edge = put("edge", T.minus(AGE));
        ActionId fresh = put("fresh", T.minus(AGE).plusSeconds(1));

        Trim.Result r = new Trim(root, clock, AGE, NO_LIMIT).run(true);

        assertThat(r).isEqualTo(new Trim.Result(true, 2, ENTRY, 4, 2 * ENTRY));
        assertThat(cache.get(old)).isEqualTo(new Lookup.Miss("no index entry"));
        assertThat(Ids.contentPath(root, OutputId.of(content("old")))).doesNotExist();
        assertThat(Cache.getBytes(cache, edge)).isEqualTo(content("edge"));
        assertThat(Cache.getBytes(cache, fresh)).isEqualTo(content("fresh"));
    }

    @Test
    void thenRemovesLeastRecentlyUsedUntilUnderMaxBytes() throws IOException {
        List<ActionId> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Entry 0 is the oldest, one second older than entry 1, and so on.
            entries.add(put("lru " + i, T.minusSeconds(10 - i)));
        }

        Trim.Result r = new Trim(root, clock, AGE, 3 * ENTRY).run(true);

        assertThat(r).isEqualTo(new Trim.Result(true, 14, 7 * ENTRY, 6, 3 * ENTRY));
        for (int i = 0; i < 10; i++) {
            assertThat(cache.get(entries.get(i))).as("entry %d", i).isInstanceOf(i < 7 ? Lookup.Miss.class : Lookup.Hit.class);
        }
    }

    @Test
    void ageComesFirstThenSize() throws IOException {
        ActionId ancient = put("ancient", T.minus(Duration.ofDays(30)));
        ActionId older = put("older", T.minusSeconds(20));
        ActionId newer = put("newer", T.minusSeconds(10));

        Trim.Result r = new Trim(root, clock, AGE, ENTRY).run(true);

        assertThat(r.removed()).isEqualTo(4);
        assertThat(r.keptBytes()).isEqualTo(ENTRY);
        assertThat(cache.get(ancient)).isInstanceOf(Lookup.Miss.class);
        assertThat(cache.get(older)).isInstanceOf(Lookup.Miss.class);
        assertThat(Cache.getBytes(cache, newer)).isEqualTo(content("newer"));
    }

    @Test
    void anExecutableIsRemovedWithItsDirectoryAndCountedWhole() throws IOException {
        ActionId a = Ids.action("old exe");
        byte[] program = new byte[5000];
        OutputId out = cache.putExecutable(a, "prog", program).outputId();
        MarkUsedTest.setMtime(T.minus(AGE).minusSeconds(1), Ids.indexFile(root, a), Ids.contentPath(root, out));

        Trim.Result r = new Trim(root, clock, AGE, NO_LIMIT).run(true);

        assertThat(r).isEqualTo(new Trim.Result(true, 2, 5000 + IndexEntry.LENGTH, 0, 0));
        assertThat(Ids.contentPath(root, out)).doesNotExist();
    }

    @Test
    void anExecutableUsedWithinTwoHoursStaysWhateverTheLimits() throws IOException {
        // A run file may exec an executable for an hour, and its time may then be an hour old.
        Path starting = putExecutable("starting", T.minus(Trim.MAY_BE_STARTING).plusSeconds(1));
        Path edge = putExecutable("edge", T.minus(Trim.MAY_BE_STARTING));
        Path idle = putExecutable("idle", T.minus(Trim.MAY_BE_STARTING).minusSeconds(1));

        Trim.Result r = new Trim(root, clock, Duration.ofMinutes(1), 1).run(true);

        assertThat(starting).exists();
        assertThat(edge).exists();
        assertThat(idle).doesNotExist();
        // The three index entries and the idle executable go; the cap cannot be met.
        assertThat(r).isEqualTo(new Trim.Result(true, 4, 5000 + 3 * IndexEntry.LENGTH, 2, 2 * 5000));
    }

    @Test
    void anExecutableUsedBetweenTheScanAndItsRemovalStays() throws IOException {
        Path exe = putExecutable("busy", T.minus(Duration.ofDays(30)));
        Entries.Entry scanned = Entries.scan(root).stream()
                .filter(e -> e.kind() == Entries.Kind.EXECUTABLE).findFirst().orElseThrow();
        MarkUsedTest.setMtime(T, exe.getParent()); // a run's lookup marks it used

        assertThat(scanned.removeIfUnused()).isFalse();
        assertThat(exe).exists();
    }

    @Test
    void writesTrimTxtAndRunsAgainOnlyADayLater() throws IOException {
        Trim trim = new Trim(root, clock, AGE, NO_LIMIT);
        assertThat(trim.isDue()).isTrue();

        assertThat(trim.run(false).ran()).isTrue();
        assertThat(root.resolve("trim.txt")).hasContent(T.getEpochSecond() + "\n");

        // An entry that a trim would remove, were it to run.
        ActionId old = put("old", T.minus(Duration.ofDays(10)));
        clock.advance(Duration.ofDays(1).minusSeconds(1));
        assertThat(trim.isDue()).isFalse();
        assertThat(trim.run(false).ran()).isFalse();
        assertThat(Ids.indexFile(root, old)).exists();
        assertThat(root.resolve("trim.txt")).hasContent(T.getEpochSecond() + "\n");

        clock.advance(Duration.ofSeconds(1));
        assertThat(trim.isDue()).isTrue();
        Trim.Result r = trim.run(false);
        assertThat(r.ran()).isTrue();
        assertThat(r.removed()).isEqualTo(2);
        assertThat(Ids.indexFile(root, old)).doesNotExist();
        assertThat(root.resolve("trim.txt")).hasContent(T.plus(Duration.ofDays(1)).getEpochSecond() + "\n");
    }

    @Test
    void forceRunsEvenWhenNotDue() throws IOException {
        Trim trim = new Trim(root, clock, AGE, NO_LIMIT);
        trim.run(false);
        ActionId old = put("old", T.minus(Duration.ofDays(10)));

        assertThat(trim.run(true).removed()).isEqualTo(2);
        assertThat(Ids.indexFile(root, old)).doesNotExist();
    }

    @Test
    void aLastTrimMoreThanAnHourInTheFutureMakesTrimDue() throws IOException {
        // A clock that was once set wrong must not stop trims until it comes round again (as in Go).
        Trim trim = new Trim(root, clock, AGE, NO_LIMIT);
        Files.writeString(root.resolve("trim.txt"), T.plus(Duration.ofHours(1)).getEpochSecond() + "\n");
        assertThat(trim.isDue()).isFalse();
        Files.writeString(root.resolve("trim.txt"), T.plus(Duration.ofHours(1)).plusSeconds(1).getEpochSecond() + "\n");
        assertThat(trim.isDue()).isTrue();
        Files.writeString(root.resolve("trim.txt"), T.plus(Duration.ofDays(3650)).getEpochSecond() + "\n");
        assertThat(trim.run(false).ran()).isTrue();
        assertThat(root.resolve("trim.txt")).hasContent(T.getEpochSecond() + "\n");
    }

    @Test
    void aGarbledTrimTxtMakesTrimDue() throws IOException {
        Files.writeString(root.resolve("trim.txt"), "yesterday\n");
        assertThat(new Trim(root, clock, AGE, NO_LIMIT).isDue()).isTrue();
    }

    @Test
    void anotherProcessHoldingTheLockMakesTrimReturnWithoutRunning() throws Exception {
        ActionId old = put("old", T.minus(Duration.ofDays(10)));
        try (ChildJvm holder = ChildJvm.start("hold-trim-lock", root.toString())) {
            assertThat(holder.readLine()).isEqualTo("locked");

            assertThat(new Trim(root, clock, AGE, NO_LIMIT).run(true)).isEqualTo(new Trim.Result(false, 0, 0, 0, 0));
            assertThat(Ids.indexFile(root, old)).exists();

            holder.closeInput();
            assertThat(holder.waitFor()).isZero();
        }
        assertThat(new Trim(root, clock, AGE, NO_LIMIT).run(true).removed()).isEqualTo(2);
    }

    @Test
    void anotherThreadHoldingTheLockMakesTrimReturnWithoutRunning() throws Exception {
        ActionId old = put("old", T.minus(Duration.ofDays(10)));
        try (FileChannel ch = FileChannel.open(root.resolve("trim.txt"),
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                FileLock lock = ch.lock()) {
            assertThat(new Trim(root, clock, AGE, NO_LIMIT).run(true).ran()).isFalse();
            assertThat(Ids.indexFile(root, old)).exists();
        }
        assertThat(new Trim(root, clock, AGE, NO_LIMIT).run(true).ran()).isTrue();
    }

    @Test
    void removesTemporaryFilesOlderThanAnHour() throws IOException {
        Path dir = Files.createDirectories(root.resolve("3f"));
        Path dead = Files.write(dir.resolve(".tmp-0123456789abcdef"), new byte[100]);
        Path edge = Files.write(dir.resolve(".tmp-1111111111111111"), new byte[100]);
        Path live = Files.write(dir.resolve(".tmp-fedcba9876543210"), new byte[100]);
        MarkUsedTest.setMtime(T.minus(Duration.ofHours(1)).minusSeconds(1), dead);
        MarkUsedTest.setMtime(T.minus(Duration.ofHours(1)), edge);
        MarkUsedTest.setMtime(T.minusSeconds(1), live);

        Trim.Result r = new Trim(root, clock, AGE, NO_LIMIT).run(true);

        assertThat(dead).doesNotExist();
        assertThat(edge).exists();
        assertThat(live).exists();
        assertThat(r.removed()).isEqualTo(1);
    }

    static byte[] content(String name) {
        byte[] b = new byte[1000];
        byte[] n = Ids.bytes(name);
        System.arraycopy(n, 0, b, 0, n.length);
        return b;
    }

    /** Puts a 5000-byte executable and makes it look last used at {@code used}; returns its file. */
    private Path putExecutable(String name, Instant used) throws IOException {
        ActionId a = Ids.action(name);
        byte[] program = Arrays.copyOf(content(name), 5000);
        OutputId out = cache.putExecutable(a, "prog", program).outputId();
        MarkUsedTest.setMtime(used, Ids.indexFile(root, a), Ids.contentPath(root, out));
        return Ids.contentPath(root, out).resolve("prog");
    }

    /** Puts a 1000-byte entry and makes it look last used at {@code used}. */
    private ActionId put(String name, Instant used) throws IOException {
        ActionId a = Ids.action(name);
        OutputId out = cache.put(a, content(name)).outputId();
        MarkUsedTest.setMtime(used, Ids.indexFile(root, a), Ids.contentPath(root, out));
        return a;
    }
}
