package dev.jiffy.junit;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jiffy test -json}: a module's lines, as {@code -v} prints them (a fresh result or a
 * cached one), turned into the events {@code go test -json} prints (Go's test2json format): one
 * JSON object a line with {@code Time}, {@code Action} ({@code start}, {@code run},
 * {@code output}, {@code pass}, {@code fail}, {@code skip}), {@code Package}, {@code Test},
 * {@code Elapsed} in seconds and {@code Output}. As test2json does, it converts text, so a cached
 * result gives the same events as the run that stored it, timed now.
 */
public final class TestJson {
    private static final Pattern RUN = Pattern.compile("=== RUN   (.*)");
    private static final Pattern RESULT = Pattern.compile("--- (PASS|FAIL|SKIP): (.*) \\((\\d+\\.\\d+)s\\)");
    private static final Pattern MODULE = Pattern.compile("(ok  |FAIL|\\?   )\t([^\t]*)(?:\t(\\d+\\.\\d+)s)?.*");

    private final String module;
    private final String time;
    private final StringBuilder out = new StringBuilder();

    private TestJson(String module, Instant now) {
        this.module = module;
        this.time = now.toString();
    }

    /** The events of one module's text, which ends with its {@code ok}, {@code FAIL} or {@code ?} line. */
    public static String of(String text, Instant now) {
        List<String> lines = text.lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher m = MODULE.matcher(last);
        String module = m.matches() ? m.group(2).replaceFirst(" \\[.*]$", "") : last;
        TestJson json = new TestJson(module, now);
        json.event("start", null, null, null);
        List<String> pending = new ArrayList<>();
        String[] result = null;
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            if (result != null && line.startsWith("    ")) {
                pending.add(line);
                continue;
            }
            result = json.finish(result, pending);
            Matcher run = RUN.matcher(line);
            Matcher done = RESULT.matcher(line);
            if (run.matches()) {
                json.event("run", run.group(1), null, null);
                json.event("output", run.group(1), null, line + "\n");
            } else if (done.matches()) {
                result = new String[] {done.group(1).toLowerCase(java.util.Locale.ROOT), done.group(2), done.group(3)};
                pending.add(line);
            } else {
                json.event("output", null, null, line + "\n");
            }
        }
        json.finish(result, pending);
        json.event("output", null, null, last + "\n");
        String action = !m.matches() || m.group(1).equals("FAIL") ? "fail" : m.group(1).equals("ok  ") ? "pass" : "skip";
        json.event(action, null, m.matches() && m.group(3) != null ? Double.valueOf(m.group(3)) : 0.0, null);
        return json.out.toString();
    }

    /** A test's result line and the lines under it: output, then its pass, fail or skip. */
    private String[] finish(String[] result, List<String> lines) {
        if (result != null) {
            lines.forEach(l -> event("output", result[1], null, l + "\n"));
            event(result[0], result[1], Double.valueOf(result[2]), null);
        }
        lines.clear();
        return null;
    }

    private void event(String action, String test, Double elapsed, String output) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Time", time);
        e.put("Action", action);
        e.put("Package", module);
        if (test != null) {
            e.put("Test", test);
        }
        if (elapsed != null) {
            e.put("Elapsed", elapsed);
        }
        if (output != null) {
            e.put("Output", output);
        }
        try {
            out.append(JSON.std.asString(e)).append('\n');
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
