package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache holds programs that run unrebuilt: a root others may write to is refused. */
class CacheDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingDirectoryIsCreated0700WithItsParents() throws IOException {
        Path root = tmp.resolve("home/.cache/jiffy");

        CacheDirectory.prepare(root);

        assertThat(root).isDirectory();
        assertThat(mode(root)).isEqualTo("rwx------");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rwxrwxrwx, writable by others",
        "rwxr-xrwx, writable by others",
        "rwxrwxr-x, writable by its group",
        "rwxrwx---, writable by its group",
    })
    void aDirectoryOthersMayWriteIsRefused(String perms, String message) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(perms));

        assertThatThrownBy(() -> CacheDirectory.prepare(root))
                .isInstanceOf(CacheRefusedException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("chmod go-w");
        assertThatThrownBy(() -> DiskCache.open(root, Clock.systemUTC(), false)).isInstanceOf(CacheRefusedException.class);
        assertThat(mode(root)).as("a refused directory is not changed").isEqualTo(perms);
    }

    @ParameterizedTest
    @CsvSource({"rwx------", "rwxr-xr-x", "rwxr-x---"})
    void aDirectoryOnlyItsOwnerMayWriteIsAccepted(String perms) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(perms));

        CacheDirectory.prepare(root);

        assertThat(mode(root)).isEqualTo(perms);
    }

    @Test
    void aFileInItsPlaceIsRefused() throws IOException {
        Path root = Files.write(tmp.resolve("cache"), Ids.bytes("not a directory"));

        assertThatThrownBy(() -> CacheDirectory.prepare(root))
                .isInstanceOf(CacheRefusedException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aDirectoryRenamedAwayWhileItIsPreparedIsCreatedAgain() throws Exception {
        Path root = tmp.resolve("cache");
        AtomicBoolean cleaning = new AtomicBoolean(true);
        Thread cleaner = new Thread(() -> {
            // What clean -cache does, over and over: rename the root away, then delete it.
            for (int i = 0; cleaning.get(); i++) {
                try {
                    Path old = Files.move(root, tmp.resolve("old-" + i));
                    Files.delete(old);
                } catch (IOException e) {
                    Thread.onSpinWait(); // not there yet
                }
            }
        });
        cleaner.start();
        try {
            for (int i = 0; i < 5_000; i++) {
                CacheDirectory.prepare(root);
            }
        } finally {
            cleaning.set(false);
            cleaner.join();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
