package dev.jiffy.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.Sha256;
import dev.jiffy.work.SourceScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git's index for the JVM path: an unchanged file is answered from the manifest, anything else is read again. */
class StatManifestTest {
    @TempDir
    Path temp;
    final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10));

    @Test
    void anUnchangedFileIsAnsweredFromTheManifestWithItsDirectives() throws Exception {
        Path file = write("A.java", "//DEPS g:a:1\nclass A {}\n");
        Path where = temp.resolve("m.stat");
        StatManifest first = StatManifest.load(where, "v1");
        SourceScanner.Scanned scanned = first.scan(file, "A.java");
        first.save(later);

        // The manifest, not the file, answers: a file replaced by one of the same stamp would show it.
        SourceScanner.Scanned again = StatManifest.load(where, "v1").scan(file, "A.java");
        assertThat(again.sha256()).isEqualTo(scanned.sha256()).isEqualTo(Sha256.of(file));
        assertThat(again.directives().all()).singleElement().satisfies(d -> {
            assertThat(d.keyword()).isEqualTo("DEPS");
            assertThat(d.value()).isEqualTo("g:a:1");
            assertThat(d.line()).isEqualTo(1);
        });
        assertThat(again.stamp()).isEqualTo(FileStamp.of(file).statLine());
    }

    @Test
    void anEditedFileIsReadAgain() throws Exception {
        Path file = write("A.java", "class A {}\n");
        Path where = saved(file, later);

        Files.writeString(file, "class B {}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(StatManifest.load(where, "v1").scan(file, "A.java").sha256()).isEqualTo(Sha256.of(file));
    }

    @Test
    void aFileChangedWithinTwoSecondsOfTheSaveIsNotTrusted() throws Exception {
        Path file = write("A.java", "class A {}\n");
        Path where = saved(file, Clock.systemUTC());
        // Same size and mtime, so only the racy rule can tell: the file changed in the save's tick.
        FileTime mtime = Files.getLastModifiedTime(file);
        Files.writeString(file, "class Z {}\n");
        Files.setLastModifiedTime(file, mtime);

        assertThat(StatManifest.load(where, "v1").scan(file, "A.java").sha256()).isEqualTo(Sha256.of(file));
    }

    @Test
    void aManifestOfAnotherJiffyOrGarbageIsEmpty() throws Exception {
        Path file = write("A.java", "class A {}\n");
        Path where = saved(file, later);
        String saved = Files.readString(where);
        // Point the entry at other content: a manifest that is used would answer with it.
        Files.writeString(where, saved.replace(Sha256.of(file), "0".repeat(64)));
        assertThat(StatManifest.load(where, "v1").scan(file, "A.java").sha256()).isEqualTo("0".repeat(64));

        assertThat(StatManifest.load(where, "v2").scan(file, "A.java").sha256()).isEqualTo(Sha256.of(file));
        Files.writeString(where, "garbage\n\u0000\n");
        assertThat(StatManifest.load(where, "v1").scan(file, "A.java").sha256()).isEqualTo(Sha256.of(file));
    }

    /** A manifest at m.stat that has scanned {@code file} and been saved at {@code clock}'s time. */
    private Path saved(Path file, Clock clock) throws Exception {
        Path where = temp.resolve("m.stat");
        StatManifest manifest = StatManifest.load(where, "v1");
        manifest.scan(file, file.getFileName().toString());
        manifest.save(clock);
        return where;
    }

    private Path write(String name, String text) throws Exception {
        Path file = Files.writeString(temp.resolve(name), text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }
}
