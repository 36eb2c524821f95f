package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.project.MavenBuild;
import dev.jiffy.project.Reactor;
import dev.jiffy.project.ResourceFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The modules of a reactor as a program needs them, each resolved and compiled by actions of
 * its own: a module is compiled against the compile output of each module on its class path, so
 * an edit recompiles that module and, if its classes change, those that depend on it, and no
 * other. Each module is built once per run.
 */
final class ModuleBuilds {
    /**
     * A built module.
     *
     * @param compiled its compile output, or null for a module without sources
     */
    record Built(Reactor.Module module, ResolveProject resolve, Classpaths classpaths, Compile.Compiled compiled,
            ModuleFiles files) {}

    private final Reactor reactor;
    private final ActionRunner runner;
    private final Function<List<Repository>, MavenResolver> resolvers;
    private final Toolchain toolchain;
    private final Path cwd;
    private final BuildReporter reporter;
    private final SourceScanner scanner;
    private final boolean dryRun;
    private final Map<Path, String> inputs;
    private final ResourceFilter.Values values;
    private final Cache cache;
    private final boolean offline;
    private final Clock clock;
    private final Map<String, Built> built = new HashMap<>();
    private final Set<String> building = new LinkedHashSet<>();

    /**
     * @param resolvers a resolver for a module's repositories, made on first use
     * @param inputs    where each file read is recorded with its stamp
     * @param values    the environment and user properties, for filtered resources
     */
    ModuleBuilds(Reactor reactor, Cache cache, ActionRunner runner, Function<List<Repository>, MavenResolver> resolvers,
            Toolchain toolchain, Path cwd, BuildReporter reporter, SourceScanner scanner, boolean dryRun,
            boolean offline, Clock clock, Map<Path, String> inputs, ResourceFilter.Values values) {
        this.reactor = reactor;
        this.cache = cache;
        this.offline = offline;
        this.clock = clock;
        this.runner = runner;
        this.resolvers = resolvers;
        this.toolchain = toolchain;
        this.cwd = cwd;
        this.reporter = reporter;
        this.scanner = scanner;
        this.dryRun = dryRun;
        this.inputs = inputs;
        this.values = values;
    }

    /**
     * Resolves and compiles {@code module}, after the modules on its compile class path; null
     * under {@code -n} when something would run.
     */
    Built build(Reactor.Module module) throws BuildException, WrongJdkException, IOException {
        String gav = module.coordinates();
        Built done = built.get(gav);
        if (done != null) {
            return done;
        }
        String where = SourceSet.display(cwd, module.pom());
        if (!building.add(gav)) {
            throw new BuildException(where + ": the modules depend on each other in a cycle: "
                    + String.join(" -> ", building) + " -> " + gav);
        }
        int release = release(module.build().javacOptions());
        if (release > toolchain.jdk().feature()) {
            throw WrongJdkException.release(release, where);
        }
        ModuleFiles files = ModuleFiles.read(module, values, cwd, scanner, inputs);
        ResolveProject resolve = resolve(module, false);
        Classpaths classpaths = Classpaths.EMPTY;
        if (module.build().dependencies().stream().anyMatch(d -> !d.scope().equals("test"))) {
            classpaths = runner.get(resolve);
            if (classpaths == null) {
                return null;
            }
        }
        List<Compile.Compiled> modules = new ArrayList<>();
        for (String m : classpaths.compileModules()) {
            Built dependency = build(reactor.module(m));
            if (dependency == null) {
                return null;
            }
            if (dependency.compiled() != null) {
                modules.add(dependency.compiled());
            }
        }
        Resolve processorResolve = module.build().processorPath().isEmpty() ? null : processorResolve(module, where);
        Resolution processors = null;
        if (processorResolve != null) {
            processors = runner.get(processorResolve);
            if (processors == null) {
                return null;
            }
        }
        Compile.Compiled compiled = null;
        if (files.target() != null) {
            Compile compile = compile(files, module, new Compile.ClassPath(classpaths.compile(), modules, processors));
            compiled = runner.find(compile);
            if (compiled == null && !dryRun && (!classpaths.filesPresent()
                    || processors != null && !processors.filesPresent())) {
                // A resolution from the remote cache names another machine's jars: fetch them.
                classpaths = classpaths.filesPresent() ? classpaths : runner.run(resolve);
                processors = processors == null ? null : processorResolve.withFiles(cache, processors);
                compile = compile(files, module, new Compile.ClassPath(classpaths.compile(), modules, processors));
                compiled = runner.find(compile);
            }
            if (compiled == null) {
                compiled = run(compile, module, where);
                if (compiled == null) {
                    return null;
                }
            } else if (!compiled.output().warnings().isEmpty()) {
                reporter.compilerOutput(Compiler.forDisplay(compiled.output().warnings(), files.target().root(), cwd));
            }
        }
        building.remove(gav);
        Built b = new Built(module, resolve, classpaths, compiled, files);
        built.put(gav, b);
        return b;
    }

    /** Runs a compile; a failed one in a module whose build generates sources says that jiffy does not. */
    private Compile.Compiled run(Compile compile, Reactor.Module module, String where) throws BuildException, IOException {
        try {
            return runner.run(compile);
        } catch (BuildException e) {
            List<String> generators = module.build().sourceGenerators();
            if (!e.getMessage().isEmpty() || generators.isEmpty()) {
                throw e;
            }
            throw new BuildException(where + ": its build runs " + String.join(", ", generators) + ", which may generate"
                    + " sources; jiffy runs no Maven plugin but the compiler and resources ones");
        }
    }

    private Compile compile(ModuleFiles files, Reactor.Module module, Compile.ClassPath classpath) {
        Target target = files.target();
        return new Compile(target, target.sources(), files.sourceHashes(), module.build().javacOptions(), classpath,
                toolchain, cwd, reporter);
    }

    /** maven-compiler-plugin's annotationProcessorPaths, resolved as {@code //DEPS} are: a resolve action. */
    private Resolve processorResolve(Reactor.Module module, String where) throws BuildException, IOException {
        for (Coordinate c : module.build().processorPath()) {
            if (c.groupId() == null || c.artifactId() == null || c.version() == null) {
                throw new BuildException(where + ": annotationProcessorPaths: a <path> needs groupId, artifactId and a"
                        + " version (or one dependencyManagement gives): " + c.groupId() + ":" + c.artifactId());
            }
        }
        return Resolve.of(module.build().processorPath(), module.build().repositories(), offline, toolchain, reporter,
                clock);
    }

    /** The release javac's options compile for ({@code --release}, {@code -source}, {@code -target}); 0 if none. */
    static int release(List<String> options) {
        int release = 0;
        for (int i = 0; i + 1 < options.size(); i++) {
            String o = options.get(i);
            if (o.equals("--release") || o.equals("-source") || o.equals("-target")) {
                String v = options.get(i + 1).strip();
                v = v.startsWith("1.") ? v.substring(2) : v;
                try {
                    release = Math.max(release, Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    // javac says what is wrong with it
                }
            }
        }
        return release;
    }

    /** The resolve action of {@code module}'s class paths, or of its test class path. */
    ResolveProject resolve(Reactor.Module module, boolean tests) throws IOException {
        List<MavenBuild> reached = reactor.reached(module).stream().map(Reactor.Module::build).toList();
        return new ResolveProject(module.build(), tests, SourceSet.display(cwd, module.pom()), reactor.poms(), reached,
                () -> resolvers.apply(module.build().repositories()), toolchain);
    }

    /** {@code module}'s test sources and resources, recorded as inputs. */
    ModuleFiles testFiles(Reactor.Module module) throws BuildException, IOException {
        return ModuleFiles.readTests(module, values, cwd, scanner, inputs);
    }

    /** The module of {@code coordinates}, which a resolution named as one of the reactor's. */
    Reactor.Module module(String coordinates) {
        return reactor.module(coordinates);
    }
}
