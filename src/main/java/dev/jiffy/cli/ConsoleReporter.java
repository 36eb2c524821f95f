package dev.jiffy.cli;

import dev.jiffy.work.BuildReporter;
import java.io.PrintStream;
import java.util.List;

/** Prints a build's messages to stderr, as the flags ask. */
final class ConsoleReporter implements BuildReporter {
    private final PrintStream err;
    private final boolean steps;
    private final boolean trace;
    private final boolean hashes;
    private final boolean verbose;
    private final boolean progress;

    /** @param terminal whether stderr is a terminal (the launcher tells): only then is there a progress bar */
    ConsoleReporter(PrintStream err, BuildFlags flags, Settings settings, boolean terminal) {
        this.err = err;
        this.steps = flags.dryRun() || flags.trace() || flags.verbose();
        this.trace = flags.trace();
        this.verbose = flags.verbose() || flags.trace();
        this.hashes = settings.debugHash();
        this.progress = terminal && !flags.quiet();
    }

    @Override
    public void step(String line) {
        if (steps) {
            err.println(line);
        }
    }

    @Override
    public void trace(String line) {
        if (trace) {
            err.println(line);
        }
    }

    @Override
    public void compilerOutput(String text) {
        err.print(text);
        err.flush();
    }

    @Override
    public void hashLines(String action, List<String> lines) {
        if (hashes) {
            lines.forEach(l -> err.println("HASH[" + action + "]: " + l));
        }
    }

    @Override
    public void warning(String line) {
        err.println("jiffy: warning: " + line);
    }

    @Override
    public void verbose(String line) {
        if (verbose) {
            err.println(line);
        }
    }

    @Override
    public dev.jiffy.deps.DownloadListener downloads() {
        return progress ? new DownloadProgress(err) : null;
    }
}
