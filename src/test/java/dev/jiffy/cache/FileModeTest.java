package dev.jiffy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files are created 0666 and executables 0777 before umask; the root is 0700 whatever the umask.
 * Umask belongs to the process, so a child JVM started under each umask does the writing.
 */
class FileModeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "umask {0}")
    @CsvSource({
        "022, rw-r--r--, rwxr-xr-x",
        "077, rw-------, rwx------",
        "027, rw-r-----, rwxr-x---",
    })
    void modesFollowTheUmask(String umask, String file, String executable) throws Exception {
        Path root = tmp.resolve("cache-" + umask);
        try (ChildJvm child = ChildJvm.startWithUmask(umask, "modes", root.toString())) {
            assertThat(child.waitFor()).as("child exit status").isZero();
        }

        OutputId content = OutputId.of(CacheChild.MODES_CONTENT);
        OutputId program = OutputId.of(CacheChild.MODES_EXECUTABLE);
        Path programDir = Ids.contentPath(root, program);
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(Ids.indexFile(root, CacheChild.modesContentAction()))).isEqualTo(file);
        assertThat(mode(Ids.indexFile(root, CacheChild.modesExecutableAction()))).isEqualTo(file);
        assertThat(mode(Ids.contentPath(root, content))).isEqualTo(file);
        assertThat(mode(programDir)).isEqualTo(executable);
        assertThat(mode(programDir.resolve(CacheChild.MODES_NAME))).isEqualTo(executable);
        assertThat(mode(programDir.getParent())).isEqualTo(executable); // a subdirectory: 0777 before umask
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
