package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JIFFY_VERIFY=1: every action is rebuilt, and a rebuild that differs from the cache is reported. */
class VerifyModeTest {
    @TempDir
    Path tmp;
    Path root;
    TestClock clock = new TestClock(Instant.parse("2024-02-03T04:05:06Z"));
    ActionId a = Ids.action("compile Main.java");

    @BeforeEach
    void fill() throws IOException {
        root = tmp.resolve("cache");
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.put(a, Ids.bytes("class file, first build"));
        }
    }

    @Test
    void everyGetIsAMiss() throws IOException {
        try (DiskCache cache = DiskCache.open(root, clock, true)) {
            assertThat(cache.get(a)).isInstanceOfSatisfying(Lookup.Miss.class,
                    m -> assertThat(m.reason()).contains("verify"));
            assertThat(Cache.getBytes(cache, a)).isNull();
        }
        assertThat(Counters.read(root)).containsEntry("misses", 2L).doesNotContainKey("hits");
    }

    @Test
    void aRebuildWithOtherContentIsNonReproducibleAndNamesTheAction() throws IOException {
        String cached = Ids.sha256("class file, first build");
        String rebuilt = Ids.sha256("class file, with a timestamp in it");
        try (DiskCache cache = DiskCache.open(root, clock, true)) {
            assertThatThrownBy(() -> cache.put(a, Ids.bytes("class file, with a timestamp in it")))
                    .isInstanceOf(NonReproducibleException.class)
                    .hasMessage("non-reproducible output for action " + a.hex() + ": cached " + cached + ", rebuilt " + rebuilt);
        }
        // The cached output is kept: verify reports, it does not overwrite.
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            assertThat(Cache.getBytes(cache, a)).isEqualTo(Ids.bytes("class file, first build"));
        }
    }

    @Test
    void anExecutableRebuiltDifferentlyIsNonReproducibleToo() throws IOException {
        ActionId link = Ids.action("link app");
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            cache.putExecutable(link, "app", Ids.bytes("app v1"));
        }
        try (DiskCache cache = DiskCache.open(root, clock, true)) {
            assertThatThrownBy(() -> cache.putExecutable(link, "app", Ids.bytes("app v2")))
                    .isInstanceOf(NonReproducibleException.class)
                    .hasMessageContaining(link.hex());
        }
    }

    @Test
    void aRebuildWithTheSameContentIsFine() throws IOException {
        try (DiskCache cache = DiskCache.open(root, clock, true)) {
            Lookup.Hit hit = cache.put(a, Ids.bytes("class file, first build"));
            assertThat(hit.outputId().hex()).isEqualTo(Ids.sha256("class file, first build"));
        }
    }

    @Test
    void aNewActionIsSimplyPut() throws IOException {
        ActionId fresh = Ids.action("never built");
        try (DiskCache cache = DiskCache.open(root, clock, true)) {
            cache.put(fresh, Ids.bytes("new"));
        }
        try (DiskCache cache = DiskCache.open(root, clock, false)) {
            assertThat(Cache.getBytes(cache, fresh)).isEqualTo(Ids.bytes("new"));
        }
    }
}
