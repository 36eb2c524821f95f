package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jiffy cache verify}: content is checked against its name, bad files are removed and named. */
class CacheVerifierTest {
    @TempDir
    Path tmp;
    Path root;
    DiskCache cache;

    @BeforeEach
    void open() throws IOException {
        root = tmp.resolve("cache");
        cache = DiskCache.open(root, new TestClock(Instant.parse("2024-02-03T04:05:06Z")), false);
    }

    @AfterEach
    void close() throws IOException {
        cache.close();
    }

    @Test
    void aGoodCacheIsLeftAlone() throws IOException {
        cache.put(Ids.action("a"), Ids.bytes("a"));
        cache.putExecutable(Ids.action("b"), "b", Ids.bytes("b"));

        CacheVerifier.Report report = CacheVerifier.verify(root);

        assertThat(report).isEqualTo(new CacheVerifier.Report(4, java.util.List.of()));
        assertThat(Cache.getBytes(cache, Ids.action("a"))).isEqualTo(Ids.bytes("a"));
        assertThat(Cache.getBytes(cache, Ids.action("b"))).isEqualTo(Ids.bytes("b"));
    }

    @Test
    void contentChangedInPlaceIsRemovedAndReported() throws IOException {
        ActionId good = Ids.action("good");
        ActionId bad = Ids.action("bad");
        cache.put(good, Ids.bytes("good bytes"));
        OutputId out = cache.put(bad, Ids.bytes("original bytes")).outputId();
        Path content = Ids.contentPath(root, out);
        Files.write(content, Ids.bytes("0riginal bytes")); // same size: get cannot tell

        assertThat(Cache.getBytes(cache, bad)).isEqualTo(Ids.bytes("0riginal bytes"));
        CacheVerifier.Report report = CacheVerifier.verify(root);

        assertThat(report.checked()).isEqualTo(4);
        assertThat(report.removed()).containsExactly(content + ": content hashes to " + Ids.sha256("0riginal bytes"));
        assertThat(content).doesNotExist();
        assertThat(cache.get(bad)).isEqualTo(new Lookup.Miss("content missing"));
        assertThat(Cache.getBytes(cache, good)).isEqualTo(Ids.bytes("good bytes"));
    }

    @Test
    void anExecutableChangedInPlaceIsRemovedWithItsDirectory() throws IOException {
        ActionId a = Ids.action("exe");
        OutputId out = cache.putExecutable(a, "prog", Ids.bytes("program")).outputId();
        Path dir = Ids.contentPath(root, out);
        Files.write(dir.resolve("prog"), Ids.bytes("PROGRAM"));

        CacheVerifier.Report report = CacheVerifier.verify(root);

        assertThat(report.removed()).singleElement().asString().startsWith(dir + ": content hashes to");
        assertThat(dir).doesNotExist();
        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("content missing"));
    }

    @Test
    void aMalformedIndexEntryIsRemoved() throws IOException {
        ActionId a = Ids.action("index");
        cache.put(a, Ids.bytes("x"));
        Path index = Ids.indexFile(root, a);
        Files.writeString(index, "garbage\n");

        CacheVerifier.Report report = CacheVerifier.verify(root);

        assertThat(report.removed()).containsExactly(index + ": malformed index entry");
        assertThat(index).doesNotExist();
    }

    @Test
    void aContentFileNotNamedByAnIdIsRemoved() throws IOException {
        Path stray = Files.createDirectories(root.resolve("ab")).resolve("not-an-id-d");
        Files.write(stray, Ids.bytes("stray"));

        CacheVerifier.Report report = CacheVerifier.verify(root);

        assertThat(report.removed()).containsExactly(stray + ": name is not an output ID");
        assertThat(stray).doesNotExist();
    }
}
