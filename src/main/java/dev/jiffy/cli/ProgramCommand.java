package dev.jiffy.cli;

import dev.jiffy.project.BuildFile;
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
import dev.jiffy.work.ProjectBuilder;
import dev.jiffy.work.Target;
import dev.jiffy.work.ToolBuilder;
import dev.jiffy.work.WarmCompiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jiffy run} and {@code jiffy build} (and what {@code jiffy tool} shares): what the command line asks,
 * turned into a build step and a {@link ProgramRun} for the JVM path ({@link JvmPath}), which
 * builds, leaves a run file and hands the program to the launcher.
 */
final class ProgramCommand {
    /**
     * What one command line builds and how it starts, made once the cache session is open.
     *
     * @param manifest the target's stat manifest, saved after the build; null for a tool
     */
    record Execution(BuildStep step, ProgramRun run, StatManifest manifest) {}

    /** One command line: the command ({@code run}, {@code build} or {@code tool}), its flags, and what it builds. */
    record Request(String command, BuildFlags flags, Plan plan) {}

    @FunctionalInterface
    interface Plan {
        Execution in(CacheSession session, Path cacheRoot, ConsoleReporter reporter) throws BuildException, IOException;
    }

    private final java.io.InputStream in;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final Clock clock;
    private final Settings settings;
    private final WarmCompiles compiles;

    ProgramCommand(java.io.InputStream in, PrintStream err, Map<String, String> env, Path cwd, Clock clock, Settings settings,
            WarmCompiles compiles) {
        this.in = in;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.clock = clock;
        this.settings = settings;
        this.compiles = compiles;
    }

    /** {@code run} and {@code build} of a file or directory. */
    int run(String command, List<String> args) throws UsageException, Failure, RunException, IOException {
        boolean isRun = command.equals("run");
        BuildFlags flags = BuildFlags.parse(command, args, !isRun);
        if (!isRun && !flags.programArgs().isEmpty()) {
            throw new UsageException("build: unexpected argument \"" + flags.programArgs().get(0) + "\" after the target");
        }
        String t = flags.target();
        if (isRun && flags.code() == null && !t.equals("-") && !isUrl(t) && !Files.exists(cwd.resolve(t))
                && (t.matches("[^/:]+:[^/:]+(:[^/]*)*") || isAlias(t, cwd, env))) {
            // JBang's run also takes a coordinate or a catalog's alias: what jiffy tool runs.
            return new ToolCommand(this, err, env, cwd, clock).run(args);
        }
        if (isUrl(t)) {
            checkTrusted(t);
        }
        return execute(new Request(command, flags, target(command, flags, flags.target(), cwd, List.of(), List.of())));
    }

    /**
     * A file, a directory, or a Maven project (a directory with a pom.xml), its sources read
     * through the stat manifest kept beside its run file.
     */
    Plan target(String command, BuildFlags flags, String targetArg, Path base, List<String> arguments,
            List<String> javaOptions) {
        return (session, root, reporter) -> {
            // The launcher sources a run file for `run <target>` with no flags, so one written under
            // -main, -D or a directive's flag (--deps, -R, ...) would start what those flags chose in
            // runs that never asked for it.
            String key = command.equals("run") && base.equals(cwd) && flags.mainClass() == null && arguments.isEmpty()
                    && flags.properties().isEmpty() && flags.directives().isEmpty() && flags.code() == null
                    && !targetArg.equals("-") ? RunFiles.key(env.getOrDefault("PWD", cwd.toString()), targetArg) : null;
            String toolVersion = ToolCode.version(root, clock);
            StatManifest manifest = StatManifest.load(root != null && key != null
                    ? RunFiles.manifestLocation(root, key) : null, toolVersion);
            Path dir = base.resolve(targetArg).normalize();
            Path pom = Files.isDirectory(dir) ? BuildFile.projectPom(dir) : null;
            boolean jar = targetArg.endsWith(".jar") && Files.isRegularFile(dir);
            if ((pom != null || jar) && !flags.directives().isEmpty()) {
                throw new BuildException(flags.directives().get(0).file() + ": a flag for a script's directives; "
                        + targetArg + (jar ? " is a jar" : " is a Maven project, whose pom.xml says that"));
            }
            if (pom != null) {
                ProjectBuilder project = new ProjectBuilder(session.buildCache(!flags.dryRun() && !offline(flags)),
                        Jdk.current(), toolVersion, cwd, reporter, manifest, compiles);
                return new Execution(rebuild -> project.build(pom, flags.mainClass(), rebuild || flags.rebuild(),
                        flags.dryRun() && !rebuild, offline(flags), env), program(flags, key, List.of(), arguments, javaOptions),
                        manifest);
            }
            if (jar) {
                // A jar: its Main-Class with its Class-Path, linked as a tool is; the run file pins every jar.
                List<Path> jars = ToolBuilder.classPath(dir, targetArg);
                ToolBuilder tools = new ToolBuilder(session.buildCache(!flags.dryRun()), Jdk.current(), toolVersion, reporter,
                        clock);
                return new Execution(rebuild -> tools.buildJar(jars, flags.mainClass(), List.of(), rebuild || flags.rebuild(),
                        flags.dryRun()), program(flags, key, jars, arguments, javaOptions), manifest);
            }
            // A URL's script (copied into the cache), --code's or standard input's (`run -`, kept under
            // its content's hash), or a file or directory.
            Target target = isUrl(targetArg) ? Target.resolve(base, fetch(targetArg, offline(flags), root, reporter::warning).toString())
                    : flags.code() != null ? Target.resolve(base, StdinScript.save(
                    new java.io.ByteArrayInputStream(flags.code().getBytes(java.nio.charset.StandardCharsets.UTF_8)), root).toString())
                    : targetArg.equals("-") ? Target.resolve(base, StdinScript.save(in, root).toString())
                    : Target.resolve(base, targetArg);
            Builder builder = new Builder(session.buildCache(!flags.dryRun() && !offline(flags)), Jdk.current(),
                    toolVersion, cwd, reporter, manifest, clock, compiles);
            Map<String, String> properties = systemProperties();
            properties.putAll(flags.properties());
            BuildRequest request = new BuildRequest(target, flags.mainClass(), flags.rebuild(), flags.dryRun(),
                    offline(flags), env, properties, flags.directives());
            return new Execution(rebuild -> builder.build(rebuild ? request.withRebuild() : request),
                    program(flags, key, target.inputs(), arguments, javaOptions), manifest);
        };
    }

    /** A catalog's alias (one that a catalog here defines), or {@code alias@catalog}: what jiffy tool runs. */
    static boolean isAlias(String name, Path cwd, Map<String, String> env) {
        try {
            String alias = name.indexOf('@') > 0 ? name.substring(0, name.indexOf('@')) : name;
            // alias@catalog goes to tool, which says what is wrong with the catalog named.
            return !alias.contains("/") && (name.indexOf('@') > 0 || dev.jiffy.deps.Catalog.find(name, cwd, env) != null);
        } catch (dev.jiffy.deps.CatalogException e) {
            return false; // run says the file is not there; tool says what is wrong with the catalog
        }
    }

    static boolean isUrl(String target) {
        return target.startsWith("https://") || target.startsWith("http://");
    }

    /** One line saying how to trust {@code url}'s directory, unless the user trusts it. */
    private void checkTrusted(String url) throws UsageException, IOException, Failure {
        if (!TrustedUrls.of(env).trusts(url)) {
            throw new Failure(1, url + ": not a trusted URL; to run scripts from there: jiffy trust add "
                    + url.substring(0, url.lastIndexOf('/') + 1));
        }
    }

    /**
     * A trusted URL's script and the files it names (or a catalog), copied into the cache (a
     * temporary directory without one).
     */
    private Path fetch(String url, boolean offline, Path root, java.util.function.Consumer<String> warn)
            throws BuildException, IOException {
        try {
            checkTrusted(url);
        } catch (UsageException | Failure e) {
            throw new BuildException(e.getMessage());
        }
        Path copies = root != null ? root.resolve(dev.jiffy.cache.Trim.DERIVED).resolve("@url")
                : Path.of(System.getProperty("java.io.tmpdir"), "jiffy-url");
        try {
            return dev.jiffy.deps.UrlScript.fetch(url, dev.jiffy.deps.UrlScript.directory(copies, url), offline, clock, warn);
        } catch (dev.jiffy.deps.DependencyException e) {
            throw new BuildException(e.getMessage());
        }
    }

    /** {@code alias@URL}'s catalog, fetched as a script is, in a cache session of its own. */
    Path fetchCatalog(String url, BuildFlags flags) throws dev.jiffy.deps.CatalogException {
        ConsoleReporter reporter = new ConsoleReporter(err, flags, settings, "1".equals(env.get("JIFFY_STDERR_TTY")));
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            return fetch(url, offline(flags), session.root(), reporter::warning);
        } catch (BuildException | IOException e) {
            throw new dev.jiffy.deps.CatalogException(e.getMessage());
        }
    }

    ProgramRun program(BuildFlags flags, String key, List<Path> inputs, List<String> arguments,
            List<String> javaOptions) {
        List<String> options = new java.util.ArrayList<>(javaOptions);
        options.addAll(flags.propertyOptions());
        return new ProgramRun(key, inputs, arguments, List.copyOf(options), 1 + flags.consumed(), flags.programArgs(),
                flags.dryRun());
    }

    /** Builds in a cache session, then copies the executable out ({@code build}) or starts it. */
    int execute(Request request) throws Failure, RunException, IOException {
        BuildFlags flags = request.flags();
        ConsoleReporter reporter = new ConsoleReporter(err, flags, settings, "1".equals(env.get("JIFFY_STDERR_TTY")));
        JvmPath jvm = new JvmPath(env, cwd, clock, reporter);
        if (flags.javaHome() != null && !Jdk.current().isHome(Path.of(flags.javaHome()))) {
            return jvm.switchTo(flags.javaHome());
        }
        try (CacheSession session = CacheSession.open(settings, clock, reporter)) {
            Execution x = request.plan().in(session, session.root(), reporter);
            JvmPath.Built built = jvm.build(x.run(), x.step());
            if (x.manifest() != null) {
                x.manifest().saveQuietly(clock);
            }
            if (built == null) {
                return 0;
            }
            session.startTrimIfDue();
            if (request.command().equals("build")) {
                return flags.dryRun() || flags.output() == null ? 0
                        : OutputCopy.copy(built.result().executable(), cwd, flags.output());
            }
            // Not the root the plan was made with: a put the disk refused sent the build to a temporary cache.
            return jvm.start(x.run(), built, session.root(), session::handOverTemp);
        } catch (BuildException e) {
            if (e.getMessage().isEmpty()) {
                return 1; // javac has said why
            }
            throw new Failure(1, e.getMessage());
        }
    }

    boolean offline(BuildFlags flags) {
        return flags.offline() || settings.offline();
    }

    /** System properties for {@code ${name}} in directives. */
    private static Map<String, String> systemProperties() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return props;
    }
}
