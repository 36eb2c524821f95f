package dev.jiffy.harness;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Checks of a {@link Result} whose failure messages show the whole result, exit status, stdout
 * and stderr, so that a failed check says what the command printed. What is not here is asked of
 * {@link #stdout()}, {@link #stderr()} or {@link #stderrLines()}, which carry the result along.
 */
public final class ResultAssert extends AbstractAssert<ResultAssert, Result> {
    /** A line of a Java stack trace, as the JVM prints it under an exception. */
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at ", Pattern.MULTILINE);

    private ResultAssert(Result actual) {
        super(actual, ResultAssert.class);
    }

    public static ResultAssert assertThat(Result actual) {
        return new ResultAssert(actual);
    }

    public ResultAssert succeeded() {
        return exitedWith(0);
    }

    public ResultAssert exitedWith(int status) {
        isNotNull();
        if (actual.exit() != status) {
            failWithMessage("expected exit status %d but was %d in:%n%s", status, actual.exit(), actual);
        }
        return this;
    }

    /** stdout is exactly {@code expected}. */
    public ResultAssert printed(String expected) {
        stdout().isEqualTo(expected);
        return this;
    }

    public ResultAssert stderrContains(CharSequence... parts) {
        stderr().contains(parts);
        return this;
    }

    /** Under -x: jiffy found the program in the cache (it printed "cache hit: <executable>"). */
    public ResultAssert isHit() {
        return holds(Result::hit, "expected a cache hit (a line \"cache hit: \") in:%n%s");
    }

    public ResultAssert isNotHit() {
        return holds(r -> !r.hit(), "expected no cache hit (no line \"cache hit: \") in:%n%s");
    }

    /** Under -x: javac ran (jiffy printed a "javac " step). */
    public ResultAssert compiled() {
        return holds(Result::compiled, "expected a javac step (a line \"javac \") in:%n%s");
    }

    public ResultAssert didNotCompile() {
        return holds(r -> !r.compiled(), "expected no javac step (no line \"javac \") in:%n%s");
    }

    public ResultAssert hasNoStackTrace() {
        return holds(r -> !STACK_FRAME.matcher(r.err()).find(), "expected no stack trace on stderr in:%n%s");
    }

    public AbstractStringAssert<?> stdout() {
        isNotNull();
        return Assertions.assertThat(actual.out()).as("%s", about("stdout"));
    }

    public AbstractStringAssert<?> stderr() {
        isNotNull();
        return Assertions.assertThat(actual.err()).as("%s", about("stderr"));
    }

    public ListAssert<String> stderrLines() {
        isNotNull();
        return Assertions.assertThat(actual.errLines()).as("%s", about("stderr lines"));
    }

    /** The lines of stderr that start with {@code prefix}, in order. */
    public ListAssert<String> stderrLinesStartingWith(String prefix) {
        isNotNull();
        List<String> lines = actual.errLines().stream().filter(l -> l.startsWith(prefix)).toList();
        return Assertions.assertThat(lines).as("%s", about("stderr lines starting with \"" + prefix + "\""));
    }

    /** Fails with {@code message}, formatted with the whole result, unless {@code check} holds. */
    private ResultAssert holds(Predicate<Result> check, String message) {
        isNotNull();
        if (!check.test(actual)) {
            failWithMessage(message, actual);
        }
        return this;
    }

    /** The part of the result a check is about, then the whole result, after any description the test gave. */
    private String about(String part) {
        String description = info.descriptionText();
        return (description.isEmpty() ? "" : description + ": ") + part + " of:\n" + actual;
    }
}
