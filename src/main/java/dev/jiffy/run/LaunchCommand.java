package dev.jiffy.run;

import dev.jiffy.work.ShellQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's JVM command: {@code exec java <start-up flags> <options> -cp <executable> <Main> "$@"}
 * ({@code -jar <executable>} for a tool with a launcher agent), with the program's start-up
 * archive when it has one, and the run that makes the archive when it has none yet.
 */
public record LaunchCommand(Path java, List<String> jvmOptions, Path executable, String mainClass,
        StartupArchive archive, List<String> arguments, boolean asJar) {

    /**
     * Flags that make a program start faster without changing what it does or slowing it once
     * it runs, each kept for a measured gain (bench/flags.sh, bench/RESULTS.md): no hsperfdata
     * file written at every start. Not C1 only: it made a 2.7 s compute loop 1.35x slower.
     */
    public static final List<String> STARTUP_FLAGS = List.of("-XX:-UsePerfData");

    /** The words of the command without an archive, with the fixed arguments (a catalog alias's) but not the user's. */
    public List<String> words() {
        List<String> w = new ArrayList<>();
        w.add(java.toString());
        w.addAll(STARTUP_FLAGS);
        w.addAll(jvmOptions);
        w.addAll(tail());
        return w;
    }

    private List<String> tail() {
        List<String> w = new ArrayList<>();
        if (asJar) {
            // The executable's manifest names the main class and a Launcher-Agent-Class, which only -jar starts.
            w.add("-jar");
            w.add(executable.toString());
        } else {
            w.add("-cp");
            w.add(executable.toString());
            w.add(mainClass);
        }
        w.addAll(arguments);
        return w;
    }

    /** The command as sh text, with {@code flags} (sh words) after the start-up flags; the user's arguments not yet added. */
    private String command(List<String> flags) {
        List<String> w = new ArrayList<>();
        w.add(ShellQuote.quote(java.toString()));
        STARTUP_FLAGS.forEach(f -> w.add(ShellQuote.quote(f)));
        w.addAll(flags);
        return String.join(" ", w) + (jvmOptions.isEmpty() ? "" : " " + ShellQuote.join(jvmOptions)) + " "
                + ShellQuote.join(tail());
    }

    private String exec(List<String> flags) {
        return "exec " + command(flags) + " \"$@\"";
    }

    /**
     * sh lines for the hand-off, which jiffy's JVM decides now: start with {@code archive}, or
     * without one; a run that may record the archive ({@code train}) first looks at the claims of
     * earlier recording runs (see {@link StartupArchive}).
     */
    public String execLine(Path archive, boolean train) {
        if (this.archive != null && archive != null) {
            return exec(this.archive.useWords(ShellQuote.quote(archive.toString())));
        }
        if (this.archive == null || !this.archive.mayTrain()) {
            return execLine();
        }
        return withoutArchive(train);
    }

    /** Without an archive yet: place what an earlier run recorded, else record it if {@code train}, else start plain. */
    private String withoutArchive(boolean train) {
        return archive.claimLines(this::command) + (train ? archive.trainLines(this::command) : "") + execLine();
    }

    /** The plain command line, for a run with no archive of jiffy's. */
    public String execLine() {
        return exec(List.of());
    }

    /** sh words the run file's stat is also given: the archives that may exist, or null. */
    String statGlob() {
        return archive == null ? null : archive.shellGlob();
    }

    /**
     * sh lines for a run file, which decide at each run: the archive if its size is the one in
     * its name (the size is on the last line of the run file's stat, {@code $jiffy_st}); else a
     * damaged one is removed, and this run records the archive unless an earlier run found it
     * cannot be made or another run is recording or placing it.
     */
    String runFileBody() {
        if (archive == null) {
            return execLine();
        }
        String body = "set +f; for jiffy_a in " + archive.shellGlob() + "; do :; done; set -f\n"
                + "if [ -f \"$jiffy_a\" ]; then\n"
                + "  jiffy_x=${jiffy_st##*\"\n\"} jiffy_n=${jiffy_a%.*}\n"
                + "  [ \"${jiffy_x%% *}\" = \"${jiffy_n##*.}\" ] && " + exec(archive.useWords("\"$jiffy_a\"")) + "\n"
                + "  rm -f \"$jiffy_a\"\n"
                + "fi\n";
        if (!archive.mayTrain()) {
            return body + execLine();
        }
        return body + "[ -e " + ShellQuote.quote(archive.noneMarker().toString()) + " ] && " + execLine() + "\n"
                + withoutArchive(true);
    }
}
