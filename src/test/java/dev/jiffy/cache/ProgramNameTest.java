package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An executable's name must stay one path element inside its content directory. */
class ProgramNameTest {
    @TempDir
    Path tmp;
    Path root;
    DiskCache cache;

    @BeforeEach
    void open() throws IOException {
        root = tmp.resolve("cache");
        cache = DiskCache.open(root, new TestClock(Instant.parse("2024-01-01T00:00:00Z")), false);
    }

    @AfterEach
    void close() throws IOException {
        cache.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "..", ".", "a/b", "/abs", "a\\b", "a\0b", "x..y", ".hidden", ".tmp-1-prog"})
    void aBadNameIsRejectedAndNothingIsWritten(String name) throws IOException {
        ActionId a = Ids.action("bad name");
        byte[] program = Ids.bytes("#!/bin/sh\n");

        assertThatThrownBy(() -> cache.putExecutable(a, name, program))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad program name");
        assertThat(cache.get(a)).isEqualTo(new Lookup.Miss("no index entry"));
        assertThat(Ids.contentPath(root, OutputId.of(program))).doesNotExist();
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 300, 4096})
    void aNameLongerThan255BytesIsRejected(int length) {
        assertThatThrownBy(() -> cache.putExecutable(Ids.action("long"), "x".repeat(length), Ids.bytes("p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 255 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 200})
    void bytesNotCharactersAreCounted(int chars) {
        String name = "é".repeat(chars); // two bytes each in UTF-8
        assertThatThrownBy(() -> cache.putExecutable(Ids.action("wide"), name, Ids.bytes("p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 255 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "hello-world_1.2", "a.b", "prog~", "é"})
    void aGoodNameIsStoredAsIs(String name) throws IOException {
        ActionId a = Ids.action("good " + name);
        byte[] program = Ids.bytes("program " + name);
        OutputId out = cache.putExecutable(a, name, program).outputId();

        assertThat(cache.outputFile(out)).isEqualTo(Ids.contentPath(root, out).resolve(name));
        assertThat(Cache.getBytes(cache, a)).isEqualTo(program);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 233, 234, 255})
    void aNameOfUpTo255BytesCanBeStored(int length) throws IOException {
        String name = "n".repeat(length);
        ActionId a = Ids.action("name of " + length);
        byte[] program = Ids.bytes("program of " + length);
        OutputId out = cache.putExecutable(a, name, program).outputId();

        assertThat(cache.outputFile(out)).isEqualTo(Ids.contentPath(root, out).resolve(name));
        assertThat(Cache.getBytes(cache, a)).isEqualTo(program);
    }
}
