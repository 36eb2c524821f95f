package dev.jiffy.run;

import dev.jiffy.cache.Sha256;
import dev.jiffy.work.BuildException;
import dev.jiffy.work.BuildReporter;
import dev.jiffy.work.BuildResult;
import dev.jiffy.work.Jdk;
import dev.jiffy.work.ShellQuote;
import dev.jiffy.work.WrongJdkException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JVM path of DESIGN section 5, taken when the launcher found no usable run file: build or
 * find the program, make sure a hit's executable still has its bytes, leave a run file so that
 * the next run starts no jiffy JVM, and hand the program's command to the launcher, which execs
 * it in place of its shell: the program never runs inside or under this JVM.
 */
public final class JvmPath {
    /** A built program and the stamps its inputs had before they were hashed. */
    public record Built(BuildResult result, Map<Path, String> stamps) {}

    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final BuildReporter reporter;
    private final Handoff handoff;
    private final JdkSwitch jdkSwitch;

    public JvmPath(Map<String, String> env, Path cwd, Clock clock, BuildReporter reporter) {
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
        this.reporter = reporter;
        this.handoff = Handoff.from(env);
        this.jdkSwitch = new JdkSwitch(env, handoff);
    }

    /** Re-runs the launcher on the JDK at {@code home}, for {@code -java}. */
    public int switchTo(String home) throws RunException, IOException {
        return jdkSwitch.to(home);
    }

    /**
     * Builds; null when there is nothing to start: {@code -n} found something to build, or the
     * program's {@code //JAVA} line sent the launcher to another JDK. A hit whose executable was
     * changed on disk, or taken by a clean since the lookup, is rebuilt.
     */
    public Built build(ProgramRun run, BuildStep step) throws BuildException, RunException, IOException {
        // Stamped before the build hashes them: an edit after this point shows in the next stat.
        Map<Path, String> stamps = RunFiles.stamp(ToolCode.withToolCode(run.inputs()));
        BuildResult result;
        try {
            result = step.build(false);
            if (result != null && result.hit() && !run.dryRun() && !holdsItsOutput(result)) {
                result = step.build(true);
            }
        } catch (WrongJdkException e) {
            jdkSwitch.forDirective(e);
            return null;
        }
        if (result == null) {
            return null;
        }
        result.inputs().forEach(stamps::putIfAbsent);
        reporter.trace((result.hit() ? "cache hit: " : "built: ") + result.executable());
        return new Built(result, stamps);
    }

    /**
     * Starts the program: the launcher is handed its command, or without the launcher it runs as
     * a child with this process's streams and its status is returned. Under {@code -n} the
     * command is printed instead.
     *
     * @param cacheRoot the cache, or null when it is temporary: then no run file or archive is
     *                  kept, and the launcher removes the temporary directory after the run
     */
    public int start(ProgramRun run, Built built, Path cacheRoot, Supplier<Path> temporary) throws IOException {
        BuildResult result = built.result();
        List<String> jvmOptions = new ArrayList<>(result.javaOptions());
        jvmOptions.addAll(run.javaOptions());
        Jdk jdk = result.jdk();
        StartupArchive archive = cacheRoot == null || run.dryRun() ? null
                : StartupArchive.of(jdk, result.executable(), jvmOptions, result.launcherAgent() != null,
                        trainingDirectory(cacheRoot));
        LaunchCommand launch = new LaunchCommand(jdk.javaBinary(), jvmOptions, result.executable(), result.mainClass(),
                archive, run.arguments(), result.launcherAgent() != null);
        List<String> words = new ArrayList<>(launch.words());
        words.addAll(run.programArgs());
        if (run.dryRun()) {
            reporter.step(ShellQuote.join(words));
            return 0;
        }
        // -x shows what jiffy adds to the program's command (LaunchCommand.STARTUP_FLAGS; the archive below).
        reporter.trace("exec " + ShellQuote.join(words));
        if (cacheRoot != null && run.runFileKey() != null) {
            new RunFilePolicy(env, clock, reporter).write(RunFiles.location(cacheRoot, run.runFileKey()), built, launch);
        }
        return ProgramStart.start(launch, execLine(launch, result.hit()), run, handoff,
                cacheRoot == null ? temporary : null, cwd);
    }

    /** The directory where runs record start-up archives, made the user's alone; null if it cannot be. */
    private Path trainingDirectory(Path cacheRoot) {
        Path dir = StartupArchive.trainingDirectory(cacheRoot);
        try {
            dev.jiffy.cache.CacheDirectory.prepare(dir);
            return dir;
        } catch (IOException e) {
            reporter.trace("no start-up archives: " + dir + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The hand-off's command: with the program's start-up archive if it has one; made by this run
     * if the program was built before (never by its first run, whose build already cost time).
     */
    private String execLine(LaunchCommand launch, boolean builtBefore) throws IOException {
        StartupArchive archive = launch.archive();
        if (archive == null) {
            return launch.execLine();
        }
        Path current = archive.current();
        boolean train = current == null && builtBefore && archive.mayTrain();
        reporter.trace(current != null ? "start-up archive: " + current
                : train ? "start-up archive: recorded at this run's exit, unless another run does (" + (archive.isAotCache() ? "AOT cache" : "class data") + ")"
                : "start-up archive: none yet");
        return launch.execLine(current, train);
    }

    /**
     * Whether a hit's executable still has the bytes its output ID names. One changed on disk is
     * rebuilt with a warning; one a clean -cache took since the lookup is rebuilt in silence.
     */
    private boolean holdsItsOutput(BuildResult hit) throws IOException {
        try {
            if (Sha256.of(hit.executable()).equals(hit.outputId().hex())) {
                return true;
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        reporter.warning(hit.executable() + " does not match its output ID; rebuilding it");
        // The executable itself stays until the rebuild renames the right bytes over it: a run
        // starting on it meanwhile gets the old file or the new one, never none.
        StartupArchive.removeAll(hit.executable());
        return false;
    }
}
