package dev.jiffy.harness;

import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each check of a result passes on what it says and fails on anything else, showing the whole result. */
class ResultAssertTest {
    private static final Result BUILT = new Result(0, "hello 1\n",
            "javac 1 file of Hello.java\nlink Hello.java\nbuilt: /cache/ab/ab12-d/Hello\n");
    private static final Result HIT = new Result(0, "hello 2\n", "cache hit: /cache/ab/ab12-d/Hello\n");
    private static final Result FAILED = new Result(1, "", "jiffy: Nowhere.java: no such file\n");
    private static final Result CRASHED = new Result(1, "", "Exception in thread \"main\" java.lang.IllegalStateException\n"
            + "\tat dev.jiffy.cli.Main.run(Main.java:1)\n");

    /** A check that does not hold for {@code result}. */
    private record Failing(Result result, Consumer<ResultAssert> check) {}

    @Test
    void checksThatHoldPass() {
        assertThat(BUILT).succeeded().printed("hello 1\n").compiled().isNotHit().hasNoStackTrace()
                .stderrContains("link Hello.java", "built: ");
        assertThat(HIT).succeeded().isHit().didNotCompile();
        assertThat(FAILED).exitedWith(1).printed("");
        assertThat(FAILED).stderrLines().containsExactly("jiffy: Nowhere.java: no such file");
        assertThat(BUILT).stderrLinesStartingWith("javac ").containsExactly("javac 1 file of Hello.java");
        assertThat(BUILT).stdout().startsWith("hello");
        assertThat(BUILT).stderr().endsWith("/Hello\n");
    }

    @Test
    void everyFailureShowsTheWholeResult() {
        List<Failing> failing = List.of(
                new Failing(FAILED, r -> r.succeeded()),
                new Failing(BUILT, r -> r.exitedWith(2)),
                new Failing(FAILED, r -> r.printed("hello\n")),
                new Failing(FAILED, r -> r.stderrContains("usage:")),
                new Failing(BUILT, r -> r.isHit()),
                new Failing(HIT, r -> r.isNotHit()),
                new Failing(HIT, r -> r.compiled()),
                new Failing(BUILT, r -> r.didNotCompile()),
                new Failing(CRASHED, r -> r.hasNoStackTrace()),
                new Failing(FAILED, r -> r.stdout().isNotEmpty()),
                new Failing(FAILED, r -> r.stderr().isEmpty()),
                new Failing(FAILED, r -> r.stderrLines().hasSize(2)),
                new Failing(BUILT, r -> r.stderrLinesStartingWith("remote ").isNotEmpty()));
        for (Failing f : failing) {
            assertThatThrownBy(() -> f.check().accept(assertThat(f.result()))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining(f.result().toString());
        }
    }

    @Test
    void aDescriptionComesFirstAndTheResultStays() {
        assertThatThrownBy(() -> assertThat(FAILED).as("run 3").succeeded())
                .hasMessageStartingWith("[run 3] ").hasMessageContaining(FAILED.toString());
        assertThatThrownBy(() -> assertThat(FAILED).as("run 3").stdout().isNotEmpty())
                .hasMessageStartingWith("[run 3: stdout of:").hasMessageContaining(FAILED.toString());
    }
}
