package dev.jiffy.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** go test -json's events from jiffy test's -v lines, fresh and cached. */
class TestJsonTest {
    static final Instant NOW = Instant.parse("2026-12-02T03:04:05.123456789Z");

    private static List<Map<String, Object>> events(String text) throws Exception {
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (String line : TestJson.of(text, NOW).split("\n")) {
            events.add(JSON.std.mapFrom(line));
        }
        return events;
    }

    @Test
    void eachTestRunsAndPassesOrFailsWithItsOutputAndTheModuleEnds() throws Exception {
        String trace = "org.opentest4j.AssertionFailedError: no\n\tat app.ATest.b(ATest.java:7)\n";
        TestProcess.Outcome o = new TestProcess.Outcome(new TestEvents(List.of(new TestEvents.Event("start", "ATest#a", 0, ""),
                new TestEvents.Event("pass", "ATest#a", 12, ""), new TestEvents.Event("start", "ATest#b", 0, ""),
                new TestEvents.Event("fail", "ATest#b", 5, trace)), true), "printed\n", 0, false, Duration.ofMillis(1500));

        List<Map<String, Object>> e = events(TestReport.of("g:a", o, true, false).text());

        assertThat(e).extracting(m -> m.get("Action") + " " + m.getOrDefault("Test", "-")).containsExactly(
                "start -", "run ATest#a", "output ATest#a", "output ATest#a", "pass ATest#a",
                "run ATest#b", "output ATest#b", "output ATest#b", "output ATest#b", "output ATest#b", "fail ATest#b",
                "output -", "output -", "fail -");
        assertThat(e).allSatisfy(m -> assertThat(m).containsEntry("Package", "g:a").containsEntry("Time", NOW.toString()));
        assertThat(e.get(4)).containsEntry("Elapsed", 0.012);
        assertThat(e.get(9).get("Output")).isEqualTo("    at app.ATest.b(ATest.java:7)\n");
        assertThat(e.get(11).get("Output")).isEqualTo("printed\n");
        assertThat(e.get(12).get("Output")).isEqualTo("FAIL\tg:a\t1.500s\n");
        assertThat(e.get(13)).containsEntry("Elapsed", 1.5);
    }

    @Test
    void aCachedModuleAndOneWithoutTestsEndAsGoTestsDo() throws Exception {
        assertThat(events("--- PASS: ATest#a (0.012s)\nok  \tg:a\t(cached)\n"))
                .extracting(m -> m.get("Action") + " " + m.getOrDefault("Test", "-") + " " + m.getOrDefault("Elapsed", "-"))
                .containsExactly("start - -", "output ATest#a -", "pass ATest#a 0.012", "output - -", "pass - 0.0");
        assertThat(events("?   \tg:a\t[no test files]\n")).extracting(m -> m.get("Action") + " " + m.get("Package"))
                .containsExactly("start g:a", "output g:a", "skip g:a");
        assertThat(events("FAIL\tapp [build failed]\n")).extracting(m -> m.get("Action") + " " + m.get("Package"))
                .containsExactly("start app", "output app", "fail app");
    }
}
