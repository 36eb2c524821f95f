package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jiffy test's flags, as go test's: build flags, test flags, then modules. */
class TestFlagsTest {
    @Test
    void flagsAndTargets() throws Exception {
        TestFlags f = TestFlags.parse(List.of("-x", "-v", "-run", "ATest#a", "-count=1", "-failfast", "-timeout", "1m30s",
                "lib", "./..."));

        assertThat(f.build().trace()).isTrue();
        assertThat(f.build().verbose()).isFalse();
        assertThat(f.verbose()).isTrue();
        assertThat(f.run()).isEqualTo("ATest#a");
        assertThat(f.fresh()).isTrue();
        assertThat(f.failFast()).isTrue();
        assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(f.targets()).containsExactly("lib", "./...");
        assertThat(TestFlags.parse(List.of()).targets()).containsExactly(".");
        assertThat(TestFlags.parse(List.of("-timeout=0")).timeout()).isNull();
        assertThat(TestFlags.parse(List.of()).timeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThatThrownBy(() -> TestFlags.parse(List.of("-timeout", "soon"))).isInstanceOf(UsageException.class)
                .hasMessage("test: -timeout soon: not a duration (such as 90s, 10m or 1h30m)");
        assertThatThrownBy(() -> TestFlags.parse(List.of("-run", "(("))).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("test: -run ((: not a regular expression");
        assertThatThrownBy(() -> TestFlags.parse(List.of("-count=3"))).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("test: -count takes 1");
        assertThatThrownBy(() -> TestFlags.parse(List.of("-bogus"))).isInstanceOf(UsageException.class)
                .hasMessage("test: unknown flag -bogus");
        assertThatThrownBy(() -> TestFlags.parse(List.of("-run"))).isInstanceOf(UsageException.class)
                .hasMessage("test: flag -run needs a value");
    }
}
