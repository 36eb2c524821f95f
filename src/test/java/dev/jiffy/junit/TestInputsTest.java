package dev.jiffy.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a test run read: its state follows every change, and an unchanged file is not read again. */
class TestInputsTest {
    @TempDir
    Path temp;

    @Test
    void theStateFollowsContentAndTheStoredHashStandsForAnUnchangedFile() throws Exception {
        Path dir = temp.toRealPath();
        Path module = Files.createDirectories(dir.resolve("module"));
        Path data = Files.writeString(dir.resolve("data.txt"), "one");
        Path gone = dir.resolve("gone.txt");
        Path jdkFile = Files.writeString(dir.resolve("jdk.txt"), "x");
        TestInputs log = TestInputs.of(Set.of(data, gone, jdkFile), module, List.of(jdkFile));

        assertThat(log.inputs()).extracting(TestInputs.Input::path).containsExactlyInAnyOrder(data, gone, module);
        TestInputs.State first = log.state(null);
        TestInputs stored = TestInputs.decode(first.stamped().encode());
        assertThat(stored).isEqualTo(first.stamped());
        assertThat(stored.state(null).text()).isEqualTo(first.text());

        // A stored hash with the file's present stat is taken as it is: the file is not read.
        TestInputs.Input kept = stored.inputs().stream().filter(i -> i.path().equals(data)).findFirst().orElseThrow();
        TestInputs forged = new TestInputs(List.of(new TestInputs.Input("file", data, kept.stamp(), "f".repeat(64))));
        assertThat(forged.state(null).text()).contains("f".repeat(64));

        Files.writeString(data, "two");
        assertThat(stored.state(null).text()).isNotEqualTo(first.text());
        Files.writeString(gone, "here now");
        assertThat(TestInputs.of(Set.of(gone), module, List.of()).state(null).text()).contains("file " + gone);
        Files.writeString(module.resolve("new.txt"), "a file in the module");
        assertThat(log.state(null).text()).isNotEqualTo(first.text());
    }

    @Test
    void aRecentChangeMakesTheStateUnusable() throws Exception {
        Path module = Files.createDirectories(temp.toRealPath().resolve("module"));
        Path data = Files.writeString(module.resolve("data.txt"), "fresh");

        assertThat(TestInputs.of(Set.of(data), module, List.of()).state(java.time.Instant.now().minusSeconds(2))).isNull();
        assertThat(TestInputs.decode("garbage\n".getBytes())).isNull();
    }
}
