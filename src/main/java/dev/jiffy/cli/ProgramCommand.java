package dev.jiffy.cli;

import dev.jiffy.build.BuildException;
import dev.jiffy.build.Jdks;
import dev.jiffy.build.WrongJdkException;
import dev.jiffy.build.BuildRequest;
import dev.jiffy.build.BuildResult;
import dev.jiffy.build.Builder;
import dev.jiffy.build.Jdk;
import dev.jiffy.build.ShellQuote;
import dev.jiffy.build.Target;
import dev.jiffy.build.ToolVersion;
import dev.jiffy.cache.Sha256;
import dev.jiffy.cache.Trim;
import dev.jiffy.run.ClassArchive;
import dev.jiffy.run.LaunchCommand;
import dev.jiffy.run.RunFiles;
import dev.jiffy.run.StatManifest;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jiffy run} and {@code jiffy build}. The JVM builds, the shell runs: under bin/jiffy the
 * program's command is handed to the launcher (on the file descriptor named by JIFFY_HANDOFF),
 * which execs it, so the program never runs inside or under this JVM.
 */
final class ProgramCommand {
    /** Set by a switch of JDKs for //JAVA: the JAVA_HOME the user had (empty: unset). */
    static final String SWITCHED_FROM = "JIFFY_JAVA_HOME_BEFORE";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final Settings settings;

    ProgramCommand(PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock, Settings settings) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
        this.settings = settings;
    }

    int run(String command, List<String> args) throws UsageException, Failure, IOException {
        boolean isRun = command.equals("run");
        BuildFlags flags = BuildFlags.parse(command, args, !isRun);
        if (!isRun && !flags.programArgs().isEmpty()) {
            throw new UsageException("build: unexpected argument \"" + flags.programArgs().get(0) + "\" after the target");
        }
        Jdk jdk = Jdk.current();
        if (flags.javaHome() != null && !jdk.isHome(Path.of(flags.javaHome()))) {
            return switchJdk(flags.javaHome());
        }
        ConsoleReporter reporter = new ConsoleReporter(err, flags, settings, "1".equals(env.get("JIFFY_STDERR_TTY")));
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            Target target = Target.resolve(cwd, flags.target());
            List<Path> inputs = new ArrayList<>(target.inputs());
            Path toolCode = toolCode();
            if (Files.isRegularFile(toolCode)) {
                inputs.add(toolCode);
            }
            Map<Path, String> stamps = RunFiles.stamp(inputs);
            String key = RunFiles.key(env.getOrDefault("PWD", cwd.toString()), flags.target());
            StatManifest manifest = StatManifest.load(session.persistent() && key != null
                    ? RunFiles.manifestLocation(session.cache().root(), key) : null);
            String toolVersion = ToolVersion.of(VersionCommand.version(), toolCode, manifest);
            Builder builder = new Builder(session.cache(), jdk, toolVersion, cwd, reporter, manifest, clock);
            BuildRequest request = new BuildRequest(target, flags.mainClass(), flags.rebuild(), flags.dryRun(),
                    flags.offline() || settings.offline(), env, systemProperties());
            BuildResult result;
            try {
                result = builder.build(request);
            } catch (WrongJdkException e) {
                return switchForDirective(e);
            }
            saveQuietly(manifest);
            if (result == null) {
                return 0;
            }
            if (result.hit() && !Sha256.of(result.executable()).equals(result.outputId().hex())) {
                reporter.warning(result.executable() + " does not match its output ID; rebuilding it");
                removeEntry(result.executable());
                try {
                    result = builder.build(request.withRebuild());
                } catch (WrongJdkException e) {
                    throw new IllegalStateException("the JDK check passed a moment ago", e);
                }
            }
            for (Map.Entry<Path, String> input : result.inputs().entrySet()) {
                stamps.putIfAbsent(input.getKey(), input.getValue());
            }
            if (flags.trace()) {
                err.println((result.hit() ? "cache hit: " : "built: ") + result.executable());
            }
            startTrimIfDue(session, toolCode);
            if (!isRun) {
                return copyOut(flags, result);
            }
            Path archive = session.persistent() ? archiveFor(jdk, result.executable(), reporter) : null;
            LaunchCommand launch = new LaunchCommand(jdk.javaBinary(), result.javaOptions(), result.executable(),
                    result.mainClass(), archive);
            // The launcher sources a run file for `run <target>` with no flags, so one written under
            // -main would start the class that flag chose in runs that never asked for it.
            if (session.persistent() && key != null && flags.mainClass() == null) {
                writeRunFile(session, key, stamps, result, launch, reporter);
            }
            return launch(launch, flags, session);
        } catch (BuildException e) {
            if (e.getMessage().isEmpty()) {
                return 1;
            }
            throw new Failure(1, e.getMessage());
        }
    }

    private void writeRunFile(CacheSession session, String key, Map<Path, String> stamps, BuildResult result,
            LaunchCommand launch, ConsoleReporter reporter) {
        Path file = RunFiles.location(session.cache().root(), key);
        if (stamps.containsValue(null)) {
            reporter.step("no run file: an input was read without a stamp");
            return;
        }
        try {
            boolean written = RunFiles.write(file, stamps, result.executable(), launch, checkedEnv(), clock);
            if (!written) {
                reporter.step("no run file yet: an input changed within the last 2 seconds");
            }
        } catch (IOException e) {
            reporter.step("no run file: " + Messages.describe(e));
        }
    }

    private void saveQuietly(StatManifest manifest) {
        try {
            manifest.save(clock);
        } catch (IOException e) {
            // The manifest only saves reading files again.
        }
    }

    /** The settings a build depends on, which the run file checks are unchanged before it execs. */
    private Map<String, String> checkedEnv() {
        Map<String, String> checked = new LinkedHashMap<>();
        // After a switch for //JAVA the user's own setting is what the next run will see.
        String javaHome = env.containsKey(SWITCHED_FROM) ? env.get(SWITCHED_FROM) : env.getOrDefault("JAVA_HOME", "");
        checked.put("JAVA_HOME", javaHome);
        if (javaHome.isEmpty()) {
            checked.put("PATH", env.getOrDefault("PATH", ""));
        }
        checked.put("JIFFY_OFFLINE", env.getOrDefault("JIFFY_OFFLINE", ""));
        checked.put("JIFFY_REMOTE_CACHE", env.getOrDefault("JIFFY_REMOTE_CACHE", ""));
        return checked;
    }

    /**
     * Hands the command to the launcher, or, when jiffy was started without it, runs the program
     * as a child with this process's streams and returns its status.
     */
    private int launch(LaunchCommand launch, BuildFlags flags, CacheSession session) throws IOException {
        String handoff = handoffFd();
        if (handoff != null) {
            String text = "shift " + (1 + flags.consumed()) + "\n";
            if (session.persistent()) {
                text += launch.execLine() + "\n";
            } else {
                // Without a cache the build is temporary: run it, then remove it.
                text += ShellQuote.join(launch.words()) + " \"$@\"; jiffy_s=$?; rm -rf "
                        + ShellQuote.quote(session.handOverTemp().toString()) + "; exit $jiffy_s\n";
            }
            try (FileOutputStream fd = new FileOutputStream("/dev/fd/" + handoff)) {
                fd.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return 0;
        }
        List<String> command = new ArrayList<>(launch.words());
        command.addAll(flags.programArgs());
        Process p = new ProcessBuilder(command).inheritIO().directory(cwd.toFile()).start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            return 130;
        }
    }

    private int copyOut(BuildFlags flags, BuildResult result) throws IOException {
        if (flags.output() == null) {
            return 0;
        }
        Path dest = cwd.resolve(flags.output());
        if (Files.isDirectory(dest)) {
            dest = dest.resolve(result.executable().getFileName());
        }
        Path temp = dest.resolveSibling("." + dest.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.copy(result.executable(), temp, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return 0;
    }

    /** The file descriptor bin/jiffy reads the command to exec from, or null when jiffy runs on its own. */
    private String handoffFd() {
        String fd = env.get("JIFFY_HANDOFF");
        return fd != null && fd.length() == 1 && fd.charAt(0) >= '3' && fd.charAt(0) <= '9' ? fd : null;
    }

    /** Finds a JDK for the program's {@code //JAVA} line and re-runs the launcher on it. */
    private int switchForDirective(WrongJdkException e) throws Failure, IOException {
        if (env.containsKey(SWITCHED_FROM)) {
            throw new Failure(1, e.getMessage() + ", though jiffy switched JDKs for it once already");
        }
        Path home = Jdks.find(e.wanted(), env);
        if (home == null) {
            throw new Failure(1, e.getMessage() + ", and no JDK that does is in "
                    + String.join(", ", Jdks.places(env).stream().map(Path::toString).toList()) + " (add one to JIFFY_JDKS)");
        }
        return handOff(SWITCHED_FROM + "=" + ShellQuote.quote(env.getOrDefault("JAVA_HOME", "")) + "; export " + SWITCHED_FROM + "; "
                + "JAVA_HOME=" + ShellQuote.quote(home.toString()) + "; export JAVA_HOME; exec \"$0\" \"$@\"\n",
                "//JAVA " + e.wanted() + ": start jiffy through bin/jiffy to switch JDKs, or set JAVA_HOME to " + home);
    }

    /** Hands the launcher sh text to run in place of jiffy, or fails with {@code otherwise} without a launcher. */
    private int handOff(String text, String otherwise) throws Failure, IOException {
        String fd = handoffFd();
        if (fd == null) {
            throw new Failure(2, otherwise);
        }
        try (FileOutputStream out = new FileOutputStream("/dev/fd/" + fd)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    /** System properties for {@code ${name}} in directives. */
    private static Map<String, String> systemProperties() {
        Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return props;
    }

    /** Re-runs the launcher on another JDK: jiffy compiles with the JDK it runs on. */
    private int switchJdk(String home) throws Failure, IOException {
        Path java = Path.of(home, "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new Failure(2, "-java " + home + ": no bin/java in that directory");
        }
        return handOff("JAVA_HOME=" + ShellQuote.quote(home) + "; export JAVA_HOME; exec \"$0\" \"$@\"\n",
                "-java " + home + ": start jiffy through bin/jiffy to switch JDKs, or set JAVA_HOME");
    }

    /** The program's class-data archive, whose dump starts in the background the first time. */
    private static Path archiveFor(Jdk jdk, Path executable, ConsoleReporter reporter) {
        Path archive = ClassArchive.location(executable, jdk.home(), jdk.vmVersion());
        try {
            ClassArchive.startDump(jdk.home(), executable, archive);
        } catch (IOException e) {
            reporter.step("no class-data archive: " + Messages.describe(e));
        }
        return archive;
    }

    /** Drops a cache entry whose bytes changed on disk, so that nothing runs it again. */
    private static void removeEntry(Path executable) throws IOException {
        Path dir = executable.getParent();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Starts a daily trim in a detached process: no run waits for it. */
    private void startTrimIfDue(CacheSession session, Path toolCode) {
        if (!session.persistent() || !new Trim(session.cache().root(), clock, settings.trimAge(), settings.cacheMax()).isDue()) {
            return;
        }
        try {
            new ProcessBuilder(Jdk.current().javaBinary().toString(), "-cp", toolCode.toString(),
                    Main.class.getName(), "cache", "trim", "-if-due")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            // Trim is housekeeping; it will be tried again on a later run.
        }
    }

    /** Where jiffy's own classes are: its jar, or a classes directory in tests. */
    static Path toolCode() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("jiffy's own code location is not a file", e);
        }
    }
}
