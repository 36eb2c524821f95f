package dev.jiffy.run;

import dev.jiffy.work.ShellQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's JVM command: {@code exec java <start-up flags> <options> -cp <executable> <Main> "$@"}
 * ({@code -jar <executable>} for a tool with a launcher agent), with the program's class-data
 * archive when it exists.
 */
public record LaunchCommand(Path java, List<String> jvmOptions, Path executable, String mainClass, Path archive,
        List<String> arguments, boolean asJar) {

    /**
     * Flags that make a program start faster without changing what it does or slowing it once
     * it runs, each kept for a measured gain (bench/flags.sh, bench/RESULTS.md): no hsperfdata
     * file written at every start. Not C1 only: it made a 2.7 s compute loop 1.35x slower.
     */
    public static final List<String> STARTUP_FLAGS = List.of("-XX:-UsePerfData");

    /** The words of the command, with the fixed arguments (a catalog alias's) but not the user's. */
    public List<String> words() {
        return words(false);
    }

    private List<String> words(boolean withArchive) {
        List<String> w = new ArrayList<>();
        w.add(java.toString());
        w.addAll(STARTUP_FLAGS);
        if (withArchive) {
            // The JVM checks the archive and runs without it if it does not fit; the log line it would print is silenced.
            w.add("-XX:SharedArchiveFile=" + archive);
            w.add("-Xlog:cds*=off");
        }
        w.addAll(jvmOptions);
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

    /**
     * sh lines that replace the shell with the program, passing on the shell's arguments; with
     * the class-data archive once a background dump has put it in place.
     */
    public String execLine() {
        String plain = "exec " + ShellQuote.join(words(false)) + " \"$@\"";
        if (archive == null) {
            return plain;
        }
        return "[ -f " + ShellQuote.quote(archive.toString()) + " ] && exec " + ShellQuote.join(words(true)) + " \"$@\"\n"
                + plain;
    }
}
