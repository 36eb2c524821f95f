package dev.jiffy.run;

import dev.jiffy.work.Jdks;
import dev.jiffy.work.ShellQuote;
import dev.jiffy.work.WrongJdkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs jiffy again on another JDK, for {@code -java <home>} or a program's {@code //JAVA} line:
 * jiffy compiles with the JDK it runs on, so the launcher is handed a new JAVA_HOME and execs
 * itself with the same arguments.
 */
public final class JdkSwitch {
    /** Set by a switch of JDKs for //JAVA: the JAVA_HOME the user had (empty: unset). */
    public static final String SWITCHED_FROM = "JIFFY_JAVA_HOME_BEFORE";

    private final Map<String, String> env;
    private final Handoff handoff;

    public JdkSwitch(Map<String, String> env, Handoff handoff) {
        this.env = env;
        this.handoff = handoff;
    }

    /** Finds a JDK for a program's {@code //JAVA} line (or a module's release) and re-runs the launcher on it. */
    public int forDirective(WrongJdkException e) throws RunException, IOException {
        if (env.containsKey(SWITCHED_FROM)) {
            throw new RunException(1, e.getMessage() + ", though jiffy switched JDKs for it once already");
        }
        Path home = Jdks.find(e.wanted(), env);
        if (home == null) {
            throw new RunException(1, e.getMessage() + ", and no JDK that does is in "
                    + String.join(", ", Jdks.places(env).stream().map(Path::toString).toList()) + " (add one to JIFFY_JDKS)");
        }
        return handOff(SWITCHED_FROM + "=" + ShellQuote.quote(env.getOrDefault("JAVA_HOME", "")) + "; export " + SWITCHED_FROM + "; "
                + "JAVA_HOME=" + ShellQuote.quote(home.toString()) + "; export JAVA_HOME; exec \"$0\" \"$@\"\n",
                e.getMessage() + ": start jiffy through bin/jiffy to switch JDKs, or set JAVA_HOME to " + home);
    }

    /** Re-runs the launcher on the JDK at {@code home} ({@code -java}). */
    public int to(String home) throws RunException, IOException {
        if (!Files.isExecutable(Path.of(home, "bin", "java"))) {
            throw new RunException(2, "-java " + home + ": no bin/java in that directory");
        }
        return handOff("JAVA_HOME=" + ShellQuote.quote(home) + "; export JAVA_HOME; exec \"$0\" \"$@\"\n",
                "-java " + home + ": start jiffy through bin/jiffy to switch JDKs, or set JAVA_HOME");
    }

    /** Hands the launcher sh text to run in place of jiffy, or fails with {@code otherwise} without a launcher. */
    private int handOff(String text, String otherwise) throws RunException, IOException {
        if (handoff == null) {
            throw new RunException(2, otherwise);
        }
        handoff.send(text);
        return 0;
    }
}
