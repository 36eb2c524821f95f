package dev.jiffy.run;

import java.nio.file.Path;
import java.util.List;

/**
 * One program for the JVM path to build and start, as the command line asked.
 *
 * @param runFileKey  the key of its run file ({@link RunFiles#key}), or null when the launcher
 *                    would not source one for this command line, so none is written
 * @param inputs      the target's files and directories, which the run file re-checks beside what
 *                    the build read
 * @param arguments   fixed arguments before the user's (a catalog alias's)
 * @param javaOptions JVM options after the program's own (a catalog alias's)
 * @param consumed    how many words after the launcher's first jiffy used (flags and target): the
 *                    launcher shifts them off before it execs the program with the rest
 * @param programArgs the user's arguments, for a run without the launcher
 * @param dryRun      {@code -n}: print what would run, run nothing
 */
public record ProgramRun(String runFileKey, List<Path> inputs, List<String> arguments, List<String> javaOptions,
        int consumed, List<String> programArgs, boolean dryRun) {}
