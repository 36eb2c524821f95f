package dev.jiffy.cli;

import dev.jiffy.deps.Catalog;
import dev.jiffy.deps.CatalogException;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.run.BuildStep;
import dev.jiffy.run.JvmPath;
import dev.jiffy.run.ProgramRun;
import dev.jiffy.run.RunException;
import dev.jiffy.run.RunFiles;
import dev.jiffy.run.StatManifest;
import dev.jiffy.run.ToolCode;
import dev.jiffy.work.BuildException;
import dev.jiffy.work.BuildRequest;
import dev.jiffy.work.Builder;
import dev.jiffy.work.Jdk;
import dev.jiffy.work.NewestRelease;
import dev.jiffy.work.Target;
import dev.jiffy.work.ToolBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jiffy run}, {@code jiffy build} and {@code jiffy tool}: what the command line asks,
 * turned into a build step and a {@link ProgramRun} for the JVM path ({@link JvmPath}), which
 * builds, leaves a run file and hands the program to the launcher.
 */
final class ProgramCommand {
    /** One command line's program: what to build and how to start it, with the session it builds in. */
    private record Execution(String command, BuildFlags flags, ProgramRun run, BuildStep step, CacheSession session,
            ConsoleReporter reporter) {}

    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final Settings settings;

    ProgramCommand(PrintStream err, Map<String, String> env, Path cwd, Clock clock, Settings settings) {
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
        this.settings = settings;
    }

    /** {@code run} and {@code build} of a file or directory. */
    int run(String command, List<String> args) throws UsageException, Failure, RunException, IOException {
        boolean isRun = command.equals("run");
        BuildFlags flags = BuildFlags.parse(command, args, !isRun);
        if (!isRun && !flags.programArgs().isEmpty()) {
            throw new UsageException("build: unexpected argument \"" + flags.programArgs().get(0) + "\" after the target");
        }
        return runTarget(command, flags, flags.target(), cwd, List.of(), List.of());
    }

    /** {@code tool <group:artifact[:version] | catalog name>}. */
    int tool(List<String> args) throws UsageException, Failure, RunException, IOException {
        BuildFlags flags = BuildFlags.parse("tool", args, false);
        String spec = flags.target();
        if (spec.indexOf(':') >= 0) {
            return runTool(flags, spec, RunFiles.toolKey(spec), List.of(), List.of());
        }
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

    private int runTarget(String command, BuildFlags flags, String targetArg, Path base, List<String> arguments,
            List<String> javaOptions) throws Failure, RunException, IOException {
        ConsoleReporter reporter = reporter(flags);
        if (flags.javaHome() != null && !Jdk.current().isHome(Path.of(flags.javaHome()))) {
            return new JvmPath(env, cwd, clock, reporter).switchTo(flags.javaHome());
        }
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            Target target = Target.resolve(base, targetArg);
            // The launcher sources a run file for `run <target>` with no flags, so one written under
            // -main would start the class that flag chose in runs that never asked for it.
            String key = command.equals("run") && base.equals(cwd) && flags.mainClass() == null && arguments.isEmpty()
                    ? RunFiles.key(env.getOrDefault("PWD", cwd.toString()), targetArg) : null;
            Path root = session.persistent() ? session.cache().root() : null;
            String toolVersion = ToolCode.version(root, clock);
            StatManifest manifest = StatManifest.load(root != null && key != null
                    ? RunFiles.manifestLocation(root, key) : null, toolVersion);
            Builder builder = new Builder(session.buildCache(!flags.dryRun() && !offline(flags)), Jdk.current(),
                    toolVersion, cwd, reporter, manifest, clock);
            BuildRequest request = new BuildRequest(target, flags.mainClass(), flags.rebuild(), flags.dryRun(),
                    offline(flags), env, systemProperties());
            BuildStep step = rebuild -> builder.build(rebuild ? request.withRebuild() : request);
            ProgramRun run = new ProgramRun(key, target.inputs(), arguments, javaOptions, 1 + flags.consumed(),
                    flags.programArgs(), flags.dryRun());
            int status = execute(new Execution(command, flags, run, step, session, reporter));
            manifest.saveQuietly(clock);
            return status;
        } catch (BuildException e) {
            return buildFailure(e);
        }
    }

    private int runTool(BuildFlags flags, String spec, String key, List<String> arguments, List<String> javaOptions)
            throws UsageException, Failure, RunException, IOException {
        Coordinate parsed;
        try {
            parsed = Coordinate.parse(spec, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("tool " + e.getMessage());
        }
        ConsoleReporter reporter = reporter(flags);
        if (flags.javaHome() != null && !Jdk.current().isHome(Path.of(flags.javaHome()))) {
            return new JvmPath(env, cwd, clock, reporter).switchTo(flags.javaHome());
        }
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            Path root = session.persistent() ? session.cache().root() : null;
            Coordinate tool = parsed.version() != null ? parsed : parsed.withVersion(NewestRelease.of(parsed, List.of(),
                    offline(flags), root, clock, reporter));
            ToolBuilder builder = new ToolBuilder(session.buildCache(!flags.dryRun() && !offline(flags)), Jdk.current(),
                    ToolCode.version(root, clock), reporter, clock);
            BuildStep step = rebuild -> builder.build(tool, List.of(), flags.mainClass(), List.of(), offline(flags),
                    rebuild || flags.rebuild(), flags.dryRun());
            ProgramRun run = new ProgramRun(flags.mainClass() == null ? key : null, List.of(), arguments, javaOptions,
                    1 + flags.consumed(), flags.programArgs(), flags.dryRun());
            return execute(new Execution("tool", flags, run, step, session, reporter));
        } catch (BuildException e) {
            return buildFailure(e);
        }
    }

    /** Builds, then copies the executable out ({@code build}) or starts it ({@code run}, {@code tool}). */
    private int execute(Execution x) throws Failure, RunException, IOException, BuildException {
        JvmPath jvm = new JvmPath(env, cwd, clock, x.reporter());
        JvmPath.Built built = jvm.build(x.run(), x.step());
        if (built == null) {
            return 0;
        }
        x.session().startTrimIfDue();
        if (x.command().equals("build")) {
            return x.flags().dryRun() || x.flags().output() == null ? 0
                    : OutputCopy.copy(built.result().executable(), cwd, x.flags().output());
        }
        CacheSession session = x.session();
        return jvm.start(x.run(), built, session.persistent() ? session.cache().root() : null, session::handOverTemp);
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

    /** System properties for {@code ${name}} in directives. */
    private static Map<String, String> systemProperties() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return props;
    }
}
