package dev.jiffy.run;

import dev.jiffy.work.ShellQuote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The hand-off: the program replaces the launcher's shell, or, without the launcher, runs as a child. */
final class ProgramStart {
    private ProgramStart() {}

    /**
     * @param temporary the temporary build directory, which the launcher removes after the
     *                  program ran; null when the build is in the cache
     */
    static int start(LaunchCommand launch, String execLine, ProgramRun run, Handoff handoff, Supplier<Path> temporary,
            Path cwd)
            throws IOException {
        if (handoff != null) {
            String text = "shift " + run.consumed() + "\n";
            if (temporary == null) {
                text += execLine + "\n";
            } else {
                // Without a cache the build is temporary: run it, then remove it.
                text += ShellQuote.join(launch.words()) + " \"$@\"; jiffy_s=$?; rm -rf "
                        + ShellQuote.quote(temporary.get().toString()) + "; exit $jiffy_s\n";
            }
            handoff.send(text);
            return 0;
        }
        List<String> command = new ArrayList<>(launch.words());
        command.addAll(run.programArgs());
        Process p = new ProcessBuilder(command).inheritIO().directory(cwd.toFile()).start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            return 130;
        }
    }
}
