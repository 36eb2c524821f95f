package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ResolvedArtifact;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** JUnit artifacts of versions that do not go together on a test class path are named before any test runs. */
class JunitVersionsTest {
    private static Resolution of(String... coordinates) {
        return new Resolution(Arrays.stream(coordinates).map(c -> new ResolvedArtifact(c, Path.of("x.jar"), null)).toList());
    }

    @Test
    void oneReleaseOfJunitAgrees() {
        assertThat(TestRuntime.conflict(of("org.junit.jupiter:junit-jupiter-api:5.10.2", "org.junit.jupiter:junit-jupiter-engine:5.10.2",
                "org.junit.platform:junit-platform-engine:1.10.2", "org.junit.platform:junit-platform-commons:1.10.2",
                "org.junit.vintage:junit-vintage-engine:5.10.2", "junit:junit:4.13.2"))).isNull();
        assertThat(TestRuntime.conflict(of("org.junit.jupiter:junit-jupiter-engine:6.0.1",
                "org.junit.platform:junit-platform-engine:6.0.1"))).isNull();
        assertThat(TestRuntime.conflict(of("junit:junit:4.13.2"))).isNull();
        // A patch release apart: the same platform.
        assertThat(TestRuntime.conflict(of("org.junit.jupiter:junit-jupiter-engine:5.10.1",
                "org.junit.platform:junit-platform-engine:1.10.2"))).isNull();
    }

    @Test
    void platformArtifactsOfTwoVersionsOrAnEngineForAnotherPlatformAreAConflict() {
        assertThat(TestRuntime.conflict(of("org.junit.platform:junit-platform-engine:1.10.2",
                "org.junit.platform:junit-platform-launcher:1.8.2")))
                .isEqualTo("junit-platform-engine 1.10.2, junit-platform-launcher 1.8.2");
        assertThat(TestRuntime.conflict(of("org.junit.jupiter:junit-jupiter-engine:5.9.3",
                "org.junit.platform:junit-platform-engine:1.11.0")))
                .isEqualTo("junit-jupiter-engine 5.9.3, junit-platform-engine 1.11.0");
        assertThat(TestRuntime.conflict(of("org.junit.jupiter:junit-jupiter-engine:5.14.1",
                "org.junit.platform:junit-platform-engine:6.0.1"))).isNotNull();
    }
}
