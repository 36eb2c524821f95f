package dev.jiffy.run;

import dev.jiffy.build.ShellQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The program's JVM command: {@code exec java <options> -cp <executable> <Main> "$@"}. */
public record LaunchCommand(Path java, List<String> jvmOptions, Path executable, String mainClass) {

    /** The words of the command, without the program's arguments. */
    public List<String> words() {
        List<String> w = new ArrayList<>();
        w.add(java.toString());
        w.addAll(jvmOptions);
        w.add("-cp");
        w.add(executable.toString());
        w.add(mainClass);
        return w;
    }

    /** A sh line that replaces the shell with the program, passing on the shell's arguments. */
    public String execLine() {
        return "exec " + ShellQuote.join(words()) + " \"$@\"";
    }
}
