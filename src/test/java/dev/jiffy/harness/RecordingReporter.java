package dev.jiffy.harness;

import dev.jiffy.deps.DownloadListener;
import dev.jiffy.work.BuildReporter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a build reports, for tests that run the build in-process: steps (with warnings and
 * -v lines among them, warnings marked), -x trace lines, and compiler output.
 */
public final class RecordingReporter implements BuildReporter {
    public final List<String> steps = new ArrayList<>();
    public final List<String> output = new ArrayList<>();
    public final List<String> traces = new ArrayList<>();

    @Override
    public void step(String line) {
        steps.add(line);
    }

    @Override
    public void trace(String line) {
        traces.add(line);
    }

    @Override
    public void compilerOutput(String text) {
        output.add(text);
    }

    @Override
    public void hashLines(String action, List<String> lines) {}

    @Override
    public void warning(String line) {
        steps.add("warning: " + line);
    }

    @Override
    public void verbose(String line) {
        steps.add(line);
    }

    @Override
    public DownloadListener downloads() {
        return null;
    }

    /** All compiler output so far, as one text. */
    public String compilerOutput() {
        return String.join("", output);
    }
}
