package dev.jiffy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Build flags as {@code go build} reads them: flags, then the target; everything after the
 * target belongs to the program, flags included. Also the run-file key, which jiffy and the
 * launcher must form alike from the same argument.
 */
class BuildFlagsTest {
    private static BuildFlags run(String... args) throws UsageException {
        return BuildFlags.parse("run", List.of(args), false);
    }

    @Test
    void flagsThenTargetThenProgramArguments() throws Exception {
        BuildFlags f = run("-a", "-x", "-main", "app.Main", "dir", "one", "-x", "--", "-main");
        assertThat(f.rebuild()).isTrue();
        assertThat(f.trace()).isTrue();
        assertThat(f.dryRun()).isFalse();
        assertThat(f.verbose()).isFalse();
        assertThat(f.mainClass()).isEqualTo("app.Main");
        assertThat(f.target()).isEqualTo("dir");
        assertThat(f.programArgs()).containsExactly("one", "-x", "--", "-main");
        assertThat(f.consumed()).isEqualTo(5);
    }

    @Test
    void flagsAfterTheTargetAreTheProgramsOwn() throws Exception {
        BuildFlags f = run("Tool.java", "-a", "-n", "-v");
        assertThat(f.rebuild()).isFalse();
        assertThat(f.dryRun()).isFalse();
        assertThat(f.verbose()).isFalse();
        assertThat(f.programArgs()).containsExactly("-a", "-n", "-v");
        assertThat(f.consumed()).isEqualTo(1);
    }

    @Test
    void doubleDashEndsTheFlagsSoATargetMayStartWithADash() throws Exception {
        BuildFlags f = run("-n", "--", "-odd.java", "arg");
        assertThat(f.dryRun()).isTrue();
        assertThat(f.target()).isEqualTo("-odd.java");
        assertThat(f.programArgs()).containsExactly("arg");
        assertThat(f.consumed()).isEqualTo(3);

        assertThat(run("-").target()).isEqualTo("-");
    }

    @Test
    void valuesOfJavaMainAndOutput() throws Exception {
        BuildFlags f = BuildFlags.parse("build", List.of("-java", "/opt/jdk", "-o", "bin/app", "-v", "src"), true);
        assertThat(f.javaHome()).isEqualTo("/opt/jdk");
        assertThat(f.output()).isEqualTo("bin/app");
        assertThat(f.verbose()).isTrue();
        assertThat(f.target()).isEqualTo("src");
        assertThat(f.programArgs()).isEmpty();
        assertThat(f.mainClass()).isNull();
    }

    @Test
    void usageErrors() {
        assertThatThrownBy(() -> run("-bogus", "X.java")).isInstanceOf(UsageException.class)
                .hasMessageContaining("-bogus");
        assertThatThrownBy(() -> run("-o", "out", "X.java")).isInstanceOf(UsageException.class)
                .hasMessageContaining("-o");
        assertThatThrownBy(() -> run("-main")).isInstanceOf(UsageException.class)
                .hasMessageContaining("-main").hasMessageContaining("value");
        assertThatThrownBy(() -> run("-x")).isInstanceOf(UsageException.class).hasMessageContaining("no target");
        assertThatThrownBy(() -> run()).isInstanceOf(UsageException.class).hasMessageContaining("no target");
        assertThatThrownBy(() -> run("-x", "--")).isInstanceOf(UsageException.class).hasMessageContaining("no target");
    }
}
