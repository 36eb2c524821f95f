package dev.jiffy.cli;

import dev.jiffy.work.BuildException;
import dev.jiffy.work.BuildRequest;
import dev.jiffy.work.BuildResult;
import dev.jiffy.work.Builder;
import dev.jiffy.work.Jdk;
import dev.jiffy.work.NewestRelease;
import dev.jiffy.work.ShellQuote;
import dev.jiffy.work.Target;
import dev.jiffy.work.ToolBuilder;
import dev.jiffy.work.ToolVersion;
import dev.jiffy.work.WrongJdkException;
import dev.jiffy.cache.Sha256;
import dev.jiffy.cache.Trim;
import dev.jiffy.deps.Catalog;
import dev.jiffy.deps.CatalogException;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.run.ClassArchive;
import dev.jiffy.run.Handoff;
import dev.jiffy.run.LaunchCommand;
import dev.jiffy.run.RunFiles;
import dev.jiffy.run.StatManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jiffy run}, {@code jiffy build} and {@code jiffy tool}. The JVM builds, the shell runs:
 * under bin/jiffy the program's command is handed to the launcher, which execs it, so the
 * program never runs inside or under this JVM. Each run also leaves a run file, so that the next
 * run of an unchanged program starts no JVM of jiffy's.
 */
final class ProgramCommand {
    /** One way to build: a target's sources or a tool's artifact. */
    @FunctionalInterface
    private interface BuildStep {
        BuildResult build(boolean rebuild) throws BuildException, WrongJdkException, IOException;
    }

    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final Settings settings;
    private final Handoff handoff;
    private final JdkSwitch jdkSwitch;

    ProgramCommand(PrintStream err, Map<String, String> env, Path cwd, Clock clock, Settings settings) {
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
        this.settings = settings;
        this.handoff = Handoff.from(env);
        this.jdkSwitch = new JdkSwitch(env, handoff);
    }

    /** {@code run} and {@code build} of a file or directory. */
    int run(String command, List<String> args) throws UsageException, Failure, IOException {
        boolean isRun = command.equals("run");
        BuildFlags flags = BuildFlags.parse(command, args, !isRun);
        if (!isRun && !flags.programArgs().isEmpty()) {
            throw new UsageException("build: unexpected argument \"" + flags.programArgs().get(0) + "\" after the target");
        }
        return runTarget(command, flags, flags.target(), cwd, List.of(), List.of());
    }

    /** {@code tool <group:artifact[:version] | catalog name>}. */
    int tool(List<String> args) throws UsageException, Failure, IOException {
        BuildFlags flags = BuildFlags.parse("tool", args, false);
        String spec = flags.target();
        if (spec.indexOf(':') < 0) {
            Catalog.Alias alias;
            try {
                alias = Catalog.find(spec, cwd, env);
            } catch (CatalogException e) {
                throw new Failure(1, e.getMessage());
            }
            if (alias == null) {
                throw new Failure(1, "tool " + spec + ": not group:artifact[:version], and no jbang-catalog.json in "
                        + cwd + " or its parents has that alias");
            }
            if (alias.scriptRef().indexOf(':') < 0 || alias.scriptRef().endsWith(".java")) {
                // An alias for a script: run it as `jiffy run` would, from the catalog's directory.
                return runTarget("run", flags, alias.scriptRef(), alias.catalog().getParent(), alias.arguments(),
                        alias.javaOptions());
            }
            return runTool(flags, alias.scriptRef(), null, alias.arguments(), alias.javaOptions());
        }
        return runTool(flags, spec, "/@tool/" + spec, List.of(), List.of());
    }

    private int runTarget(String command, BuildFlags flags, String targetArg, Path base, List<String> arguments,
            List<String> javaOptions) throws UsageException, Failure, IOException {
        Jdk jdk = Jdk.current();
        if (flags.javaHome() != null && !jdk.isHome(Path.of(flags.javaHome()))) {
            return jdkSwitch.to(flags.javaHome());
        }
        ConsoleReporter reporter = reporter(flags);
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            Target target = Target.resolve(base, targetArg);
            // The launcher sources a run file for `run <target>` with no flags, so one written under
            // -main would start the class that flag chose in runs that never asked for it.
            String key = command.equals("run") && base.equals(cwd) && flags.mainClass() == null && arguments.isEmpty()
                    ? RunFiles.key(env.getOrDefault("PWD", cwd.toString()), targetArg) : null;
            String toolVersion = toolVersion(session);
            StatManifest manifest = StatManifest.load(session.persistent() && key != null
                    ? RunFiles.manifestLocation(session.cache().root(), key) : null, toolVersion);
            Map<Path, String> stamps = RunFiles.stamp(withToolCode(target.inputs()));
            Builder builder = new Builder(session.buildCache(!flags.dryRun() && !offline(flags)), jdk,
                    toolVersion, cwd, reporter, manifest, clock);
            BuildRequest request = new BuildRequest(target, flags.mainClass(), flags.rebuild(), flags.dryRun(),
                    offline(flags), env, systemProperties());
            BuildStep step = rebuild -> builder.build(rebuild ? request.withRebuild() : request);
            int status = execute(command, flags, jdk, reporter, session, key, stamps, step, arguments, javaOptions);
            saveQuietly(manifest);
            return status;
        } catch (BuildException e) {
            return buildFailure(e);
        }
    }

    private int runTool(BuildFlags flags, String spec, String key, List<String> arguments, List<String> javaOptions)
            throws UsageException, Failure, IOException {
        Coordinate parsed;
        try {
            parsed = Coordinate.parse(spec, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("tool " + e.getMessage());
        }
        Jdk jdk = Jdk.current();
        if (flags.javaHome() != null && !jdk.isHome(Path.of(flags.javaHome()))) {
            return jdkSwitch.to(flags.javaHome());
        }
        ConsoleReporter reporter = reporter(flags);
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            Coordinate tool = parsed.version() != null ? parsed : parsed.withVersion(NewestRelease.of(parsed, List.of(),
                    offline(flags), session.persistent() ? session.cache().root() : null, clock, reporter));
            Map<Path, String> stamps = RunFiles.stamp(withToolCode(List.of()));
            ToolBuilder builder = new ToolBuilder(session.buildCache(!flags.dryRun() && !offline(flags)), jdk,
                    toolVersion(session), reporter, clock);
            BuildStep step = rebuild -> builder.build(tool, List.of(), flags.mainClass(), List.of(), offline(flags),
                    rebuild || flags.rebuild(), flags.dryRun());
            String runKey = flags.mainClass() == null && session.persistent() ? key : null;
            return execute("tool", flags, jdk, reporter, session, runKey, stamps, step, arguments, javaOptions);
        } catch (BuildException e) {
            return buildFailure(e);
        }
    }

    /** Builds, checks a hit's bytes, writes the run file and hands the program to the launcher. */
    private int execute(String command, BuildFlags flags, Jdk jdk, ConsoleReporter reporter, CacheSession session,
            String key, Map<Path, String> stamps, BuildStep step, List<String> arguments, List<String> javaOptions)
            throws Failure, IOException, BuildException {
        BuildResult result;
        try {
            result = step.build(false);
            if (result != null && result.hit() && !holdsItsOutput(result, reporter)) {
                result = step.build(true);
            }
        } catch (WrongJdkException e) {
            return jdkSwitch.forDirective(e);
        }
        if (result == null) {
            return 0;
        }
        result.inputs().forEach(stamps::putIfAbsent);
        if (flags.trace()) {
            err.println((result.hit() ? "cache hit: " : "built: ") + result.executable());
        }
        startTrimIfDue(session);
        if (command.equals("build")) {
            return copyOut(flags, result);
        }
        List<String> jvmOptions = new ArrayList<>(result.javaOptions());
        jvmOptions.addAll(javaOptions);
        Path archive = session.persistent() ? archiveFor(jdk, result.executable(), reporter) : null;
        LaunchCommand launch = new LaunchCommand(jdk.javaBinary(), jvmOptions, result.executable(), result.mainClass(),
                archive, arguments, result.launcherAgent() != null);
        if (session.persistent() && key != null) {
            writeRunFile(session, key, stamps, result, launch, reporter);
        }
        return launch(launch, flags, session);
    }

    private ConsoleReporter reporter(BuildFlags flags) {
        return new ConsoleReporter(err, flags, settings, "1".equals(env.get("JIFFY_STDERR_TTY")));
    }

    private boolean offline(BuildFlags flags) {
        return flags.offline() || settings.offline();
    }

    private static int buildFailure(BuildException e) throws Failure {
        if (e.getMessage().isEmpty()) {
            return 1; // javac has said why
        }
        throw new Failure(1, e.getMessage());
    }

    /** The inputs plus jiffy's own jar: a new jiffy must not run programs an older one built. */
    private static List<Path> withToolCode(List<Path> inputs) {
        List<Path> all = new ArrayList<>(inputs);
        if (Files.isRegularFile(toolCode())) {
            all.add(toolCode());
        }
        return all;
    }

    /**
     * jiffy's own version for action IDs. Hashing its jar costs a cold JVM ~60 ms, so the hash is
     * kept in a stat manifest of its own and redone only when the jar changes. The manifest lives
     * beside the jar, so that a new cache (a CI machine's, filled from a remote cache) does not
     * hash it again; in the cache when jiffy's directory is not writable.
     */
    private String toolVersion(CacheSession session) throws IOException {
        Path code = toolCode();
        Path beside = code.resolveSibling("." + code.getFileName() + ".stat");
        Path location = Files.isRegularFile(code) && Files.isWritable(code.getParent()) ? beside
                : session.persistent() ? RunFiles.manifestLocation(session.cache().root(), "/@jiffy") : null;
        // This manifest keeps only the jar's hash, which no version of jiffy reads differently.
        StatManifest manifest = StatManifest.load(location, "any");
        String version = ToolVersion.of(VersionCommand.version(), code, manifest);
        saveQuietly(manifest);
        return version;
    }

    private void writeRunFile(CacheSession session, String key, Map<Path, String> stamps, BuildResult result,
            LaunchCommand launch, ConsoleReporter reporter) {
        if (stamps.containsValue(null)) {
            reporter.step("no run file: an input was read without a stamp");
            return;
        }
        if (!result.environment().keySet().stream().allMatch(n -> n.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
            reporter.step("no run file: a directive reads a variable that sh cannot check");
            return;
        }
        Path file = RunFiles.location(session.cache().root(), key);
        try {
            if (!RunFiles.write(file, stamps, result.executable(), launch, checkedEnv(result), clock)) {
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

    /**
     * The settings a build depends on, which the run file checks are unchanged before it execs:
     * jiffy's own, and those the program's directives read.
     */
    private Map<String, String> checkedEnv(BuildResult result) {
        Map<String, String> checked = new LinkedHashMap<>(result.environment());
        // After a switch for //JAVA the user's own setting is what the next run will see.
        String javaHome = env.containsKey(JdkSwitch.SWITCHED_FROM) ? env.get(JdkSwitch.SWITCHED_FROM) : env.getOrDefault("JAVA_HOME", "");
        checked.put("JAVA_HOME", javaHome);
        if (javaHome.isEmpty()) {
            checked.put("PATH", env.getOrDefault("PATH", ""));
        }
        checked.put("JIFFY_OFFLINE", env.getOrDefault("JIFFY_OFFLINE", ""));
        // Not JIFFY_REMOTE_CACHE: a run file's program is already local, and the URL may hold a token,
        // which must not be written to disk.
        return checked;
    }

    /**
     * Hands the command to the launcher, or, when jiffy was started without it, runs the program
     * as a child with this process's streams and returns its status.
     */
    private int launch(LaunchCommand launch, BuildFlags flags, CacheSession session) throws IOException {
        if (handoff != null) {
            String text = "shift " + (1 + flags.consumed()) + "\n";
            if (session.persistent()) {
                text += launch.execLine() + "\n";
            } else {
                // Without a cache the build is temporary: run it, then remove it.
                text += ShellQuote.join(launch.words()) + " \"$@\"; jiffy_s=$?; rm -rf "
                        + ShellQuote.quote(session.handOverTemp().toString()) + "; exit $jiffy_s\n";
            }
            handoff.send(text);
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

    private int copyOut(BuildFlags flags, BuildResult result) throws IOException, Failure {
        if (flags.output() == null) {
            return 0;
        }
        Path dest = cwd.resolve(flags.output());
        if (Files.isDirectory(dest)) {
            dest = dest.resolve(result.executable().getFileName());
        }
        // The copy goes through a temporary file, which the user never named: errors name -o's path.
        if (!Files.isDirectory(dest.getParent())) {
            throw new Failure(1, "-o " + flags.output() + ": no such directory " + dest.getParent());
        }
        Path temp = dest.resolveSibling("." + dest.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.copy(result.executable(), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new Failure(1, "-o " + flags.output() + ": cannot write " + dest + " (" + Messages.describe(e) + ")");
        }
        return 0;
    }

    /** System properties for {@code ${name}} in directives. */
    private static Map<String, String> systemProperties() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return props;
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

    /**
     * Whether a hit's executable still has the bytes its output ID names. One changed on disk is
     * rebuilt with a warning; one a clean -cache took since the lookup is rebuilt in silence.
     */
    private static boolean holdsItsOutput(BuildResult hit, ConsoleReporter reporter) throws IOException {
        try {
            if (Sha256.of(hit.executable()).equals(hit.outputId().hex())) {
                return true;
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        reporter.warning(hit.executable() + " does not match its output ID; rebuilding it");
        removeArchives(hit.executable());
        return false;
    }

    /**
     * Removes the class-data archives made from a damaged executable. The executable itself stays
     * until the rebuild renames the right bytes over it: a run starting on it meanwhile gets the old
     * file or the new one, never none.
     */
    private static void removeArchives(Path executable) throws IOException {
        try (var files = Files.list(executable.getParent())) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith(".cds-")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Starts a daily trim in a detached process: no run waits for it. */
    private void startTrimIfDue(CacheSession session) {
        if (!session.persistent() || !new Trim(session.cache().root(), clock, settings.trimAge(), settings.cacheMax()).isDue()) {
            return;
        }
        try {
            new ProcessBuilder(Jdk.current().javaBinary().toString(), "-cp", toolCode().toString(),
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
