package dev.jiffy.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** go test's lines from a run's events; a failure's trace cut to the test's own frames; a replay's (cached). */
class TestReportTest {
    private static TestProcess.Outcome outcome(boolean finished, String output, TestEvents.Event... events) {
        return new TestProcess.Outcome(new TestEvents(List.of(events), finished), output, finished ? 0 : 3, false,
                Duration.ofMillis(1234));
    }

    @Test
    void aPassIsOneLineAndItsOutputIsKeptForVerboseOnly() {
        TestProcess.Outcome o = outcome(true, "printed\n", new TestEvents.Event("start", "ATest#a", 0, ""),
                new TestEvents.Event("pass", "ATest#a", 12, ""));

        assertThat(TestReport.of("g:a", o, false, false).text()).isEqualTo("ok  \tg:a\t1.234s\n");
        assertThat(TestReport.of("g:a", o, true, false).text())
                .isEqualTo("=== RUN   ATest#a\n--- PASS: ATest#a (0.012s)\nprinted\nok  \tg:a\t1.234s\n");
    }

    @Test
    void aFailureKeepsTheMessageAndTheTestsOwnFrames() {
        String trace = """
                org.opentest4j.AssertionFailedError: expected: <1> but was: <2>
                \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                \tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)
                \tat app.Helper.check(Helper.java:9)
                \tat app.ATest.a(ATest.java:20)
                \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
                \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:767)
                Caused by: java.io.IOException: disk
                \tat app.Helper.read(Helper.java:3)
                \t... 12 more
                """;

        assertThat(TestReport.trimmed(trace)).containsExactly(
                "org.opentest4j.AssertionFailedError: expected: <1> but was: <2>",
                "at app.Helper.check(Helper.java:9)", "at app.ATest.a(ATest.java:20)",
                "Caused by: java.io.IOException: disk", "at app.Helper.read(Helper.java:3)");
        TestReport.Result r = TestReport.of("g:a", outcome(true, "", new TestEvents.Event("fail", "ATest#a", 5, trace)),
                false, false);
        assertThat(r.passed()).isFalse();
        assertThat(r.text()).startsWith("--- FAIL: ATest#a (0.005s)\n    org.opentest4j").endsWith("\nFAIL\tg:a\t1.234s\n");
    }

    @Test
    void aJvmThatStoppedNamesTheTestThatWasRunningAndNothingRunIsNoTestsFound() {
        TestReport.Result crashed = TestReport.of("g:a", outcome(false, "", new TestEvents.Event("start", "ATest#b", 0, "")),
                false, false);
        assertThat(crashed.passed()).isFalse();
        assertThat(crashed.text()).contains("g:a: the test JVM exited with status 3 in ATest#b (a crash, or System.exit)\n");

        assertThat(TestReport.of("g:a", outcome(true, ""), false, false).text()).contains("no tests found");
        assertThat(TestReport.of("g:a", outcome(true, ""), false, true).text()).isEqualTo("ok  \tg:a\t1.234s [no tests to run]\n");
    }

    @Test
    void aReplayIsTheOutputAsPrintedWithCachedForTheTime() {
        assertThat(ModuleTest.replayed("=== RUN   A#a\n--- PASS: A#a (0.001s)\nok  \tg:a\t1.234s\n"))
                .isEqualTo("=== RUN   A#a\n--- PASS: A#a (0.001s)\nok  \tg:a\t(cached)\n");
        assertThat(ModuleTest.replayed("ok  \tg:a\t0.100s [no tests to run]\n")).isEqualTo("ok  \tg:a\t(cached) [no tests to run]\n");
    }
}
