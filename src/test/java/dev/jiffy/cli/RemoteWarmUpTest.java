package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The warm-up of the archiving run goes through a real upload and a real remote hit. */
class RemoteWarmUpTest {
    @Test
    void uploadsThenHitsThroughTheRemoteTierAndLeavesNothingBehind() throws IOException {
        List<Path> before = warmUpDirectories();

        assertThat(RemoteWarmUp.run()).isTrue();

        assertThat(warmUpDirectories()).isEqualTo(before);
    }

    @Test
    void isWantedOnlyWhenTheLauncherDumpsTheArchive() {
        assertThat(RemoteWarmUp.wanted()).isFalse();
    }

    private static List<Path> warmUpDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("jiffy-warm-up")).sorted().toList();
        }
    }
}
