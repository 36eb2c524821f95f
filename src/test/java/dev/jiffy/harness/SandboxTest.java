package dev.jiffy.harness;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sandbox's directories and the environment its jiffy runs with; a test's sandbox goes when
 * the test does, a class's when the class does.
 */
class SandboxTest {
    private static final List<Path> USED = new ArrayList<>();

    @RegisterExtension
    static final Sandbox shared = new Sandbox();

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @AfterAll
    static void eachTestsSandboxIsRemovedAfterItAndTheClasssStaysUntilTheEnd() {
        assertThat(USED).hasSize(2).doesNotHaveDuplicates().noneMatch(Files::exists);
        assertThat(shared.work()).isDirectory();
    }

    @Test
    void theDirectoriesAndEnvironmentJiffyRunsWith() throws Exception {
        USED.add(sandbox.dir());
        assertThat(sandbox.dir()).isDirectory().isEqualTo(sandbox.dir().toRealPath());
        assertThat(sandbox.work()).isDirectory().isEqualTo(sandbox.dir().resolve("work"));
        assertThat(sandbox.cache()).isEqualTo(sandbox.dir().resolve("cache")).doesNotExist();

        List<String> show = List.of("sh", "-c", "pwd; echo \"$PWD\"; env | grep '^JIFFY_' | sort");
        Result r = sandbox.jiffy().with("JIFFY_OFFLINE", "1").exec(show, new byte[0]);
        assertThat(r).succeeded().printed(sandbox.work() + "\n" + sandbox.work() + "\n"
                + "JIFFY_CACHE=" + sandbox.cache() + "\nJIFFY_DAEMON=0\nJIFFY_OFFLINE=1\n");

        Path other = Files.createDirectory(sandbox.dir().resolve("other"));
        Result moved = sandbox.jiffy().with("JIFFY_OFFLINE", "1").in(other).withCache(shared.cache())
                .with("JIFFY_OFFLINE", null).exec(show, new byte[0]);
        assertThat(moved).succeeded().printed(other + "\n" + other + "\nJIFFY_CACHE=" + shared.cache() + "\nJIFFY_DAEMON=0\n");

        Jiffy ci = sandbox.machine("ci");
        Path ciWork = sandbox.dir().resolve("ci/work");
        assertThat(ci.cwd()).isDirectory().isEqualTo(ciWork);
        assertThat(ci.exec(show, new byte[0])).succeeded()
                .printed(ciWork + "\n" + ciWork + "\nJIFFY_CACHE=" + sandbox.dir().resolve("ci/cache") + "\nJIFFY_DAEMON=0\n");
    }

    @Test
    void aStaticSandboxIsSharedByTheClassesTests() {
        USED.add(sandbox.dir());
        assertThat(shared.work()).isDirectory();
        assertThat(sandbox.dir()).isNotEqualTo(shared.dir());
    }
}
