package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.LocalRepository;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import dev.jiffy.project.EffectiveModel;
import dev.jiffy.project.MavenBuild;
import dev.jiffy.project.MavenConfig;
import dev.jiffy.project.ProjectException;
import dev.jiffy.project.Reactor;
import dev.jiffy.project.ResourceFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven project's program, as {@code mvn compile exec:java} would run it: the reactor's
 * effective models from Maven's model builder, then for the program's module and each module of
 * the reactor it depends on, the class paths (a resolve-project action) and {@code src/main/java}
 * (or the build's sourceDirectory) compiled with javac's options from maven-compiler-plugin (a
 * compile action per module, see {@link ModuleBuilds}); then one link of the module's classes,
 * its modules' classes, the resources and the runtime class path. Never {@code src/test}. Every
 * pom the models were made of is an input, so a run file pins it, and so is every variable a pom
 * reads with {@code ${env.NAME}}.
 */
public final class ProjectBuilder {
    private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");

    private final Cache cache;
    private final Toolchain toolchain;
    private final Path cwd;
    private final BuildReporter reporter;
    private final SourceScanner scanner;

    /** @param compiles the compiles this JVM remembers, which an edit's compile builds on */
    public ProjectBuilder(Cache cache, Jdk jdk, String toolVersion, Path cwd, BuildReporter reporter, SourceScanner scanner,
            WarmCompiles compiles) {
        this.cache = cache;
        this.toolchain = new Toolchain(toolVersion, jdk, compiles);
        this.cwd = cwd;
        this.reporter = reporter;
        this.scanner = scanner;
    }

    /** Resolvers made on first use: a project whose parents are all on disk and that is cached loads none. */
    private final class Resolvers implements AutoCloseable {
        private final boolean offline;
        private MavenResolver models;
        private final Map<List<Repository>, MavenResolver> projects = new HashMap<>();

        Resolvers(boolean offline) {
            this.offline = offline;
        }

        Path pom(String g, String a, String v, List<Repository> repositories) throws IOException {
            Path local = LocalRepository.releasedPom(g, a, v);
            if (local != null) {
                return local;
            }
            if (models == null) {
                models = new MavenResolver(List.of(), offline, reporter.downloads());
            }
            try {
                return models.pom(g, a, v, repositories);
            } catch (DependencyException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        MavenResolver project(List<Repository> repositories) {
            return projects.computeIfAbsent(repositories, r -> new MavenResolver(r, offline, reporter.downloads()));
        }

        @Override
        public void close() {
            if (models != null) {
                models.close();
            }
            projects.values().forEach(MavenResolver::close);
        }
    }

    /**
     * Builds the program of the project whose pom is {@code pom}, or finds it; null under
     * {@code -n} when something would be built.
     *
     * @param mainClass {@code -main}, or null for exec-maven-plugin's, the jar manifest's, or the one main
     */
    public BuildResult build(Path pom, String mainClass, boolean rebuild, boolean dryRun, boolean offline,
            Map<String, String> env) throws BuildException, WrongJdkException, IOException {
        try (Resolvers resolvers = new Resolvers(offline)) {
            Loaded loaded = load(pom, resolvers, env);
            Reactor reactor = loaded.reactor();
            Reactor.Module target = reactor.target();
            String where = SourceSet.display(cwd, pom);
            if (target.build().packaging().equals("pom")) {
                List<String> modules = target.effective().model().getModules();
                throw new BuildException(where + ": packaging pom has no program of its own; run one of its modules"
                        + (modules.isEmpty() ? "" : " (" + String.join(", ", modules) + ")"));
            }
            Map<Path, String> inputs = loaded.inputs();
            Map<String, String> environment = loaded.environment();
            ActionRunner runner = new ActionRunner(cache, reporter, rebuild, dryRun);
            ModuleBuilds builds = builds(loaded, runner, resolvers, dryRun, offline);
            ModuleBuilds.Built program = builds.build(target);
            if (program == null) {
                return null;
            }
            List<Link.Module> modules = new ArrayList<>();
            Map<String, Resource> resources = new LinkedHashMap<>(program.files().resources());
            environment.putAll(program.files().environment());
            Map<String, String> resourceHashes = new LinkedHashMap<>(program.files().resourceHashes());
            for (String gav : program.classpaths().runtimeModules()) {
                ModuleBuilds.Built module = builds.build(builds.module(gav));
                if (module == null) {
                    return null;
                }
                modules.add(new Link.Module(gav, module.compiled()));
                module.files().resources().forEach(resources::putIfAbsent);
                module.files().resourceHashes().forEach(resourceHashes::putIfAbsent);
                environment.putAll(module.files().environment());
            }
            String main = chooseMain(mainClass, target.build(), program.compiled(), modules, program.classpaths(), where);
            Function<Classpaths, Link> linkWith = c -> new Link(new Link.Program(target.build().artifactId(), target.coordinates(), main,
                    null, List.of(), program.compiled(), modules, resources, resourceHashes,
                    program.files().sourceHashes(), c.runtime()), toolchain, reporter);
            Link link = linkWith.apply(program.classpaths());
            Link.Linked linked = runner.find(link);
            boolean hit = linked != null;
            if (!hit) {
                if (!dryRun && !program.classpaths().runtime().filesPresent()) {
                    link = linkWith.apply(runner.run(program.resolve()));
                }
                linked = runner.run(link);
                if (linked == null) {
                    return null;
                }
            }
            return new BuildResult(linked.executable(), linked.id(), main, toolchain.jdk(), List.of(), hit, inputs,
                    environment);
        }
    }

    /**
     * {@code -main}, else the pom's main class, else the one main of the module's own classes. A
     * class asked for may also come from a module or a jar on the runtime class path, as with
     * {@code exec:java}: a module without sources of its own can run a dependency's main.
     */
    /** A reactor read, with the inputs and variables its poms make the build depend on. */
    private record Loaded(Reactor reactor, MavenConfig config, Map<Path, String> inputs, Map<String, String> environment,
            Map<String, String> env) {}

    private ModuleBuilds builds(Loaded loaded, ActionRunner runner, Resolvers resolvers, boolean dryRun, boolean offline) {
        return new ModuleBuilds(loaded.reactor(), cache, runner, resolvers::project, toolchain, cwd, reporter, scanner,
                dryRun, offline, Clock.systemUTC(), loaded.inputs(),
                new ResourceFilter.Values(loaded.env(), loaded.config().userProperties()));
    }

    private Loaded load(Path pom, Resolvers resolvers, Map<String, String> env) throws BuildException, IOException {
        MavenConfig config;
        try {
            config = MavenConfig.of(pom);
        } catch (ProjectException e) {
            throw new BuildException(e.getMessage());
        }
        Reactor reactor;
        try {
            reactor = Reactor.of(pom, p -> EffectiveModel.read(p, resolvers::pom, System.getProperty("java.version"),
                    env, config));
        } catch (ProjectException e) {
            throw new BuildException(e.getMessage() + (config.extensions() == null ? ""
                    : " (" + SourceSet.display(cwd, config.extensions()) + " names build extensions, which jiffy does not run)"));
        }
        Map<Path, String> inputs = new LinkedHashMap<>();
        Map<String, String> environment = new TreeMap<>();
        for (Path file : reactor.pomFiles()) {
            inputs.put(file, scanner.scan(file, file.toString()).stamp());
            Matcher m = ENV.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                environment.put(m.group(1), env.getOrDefault(m.group(1), ""));
            }
        }
        return new Loaded(reactor, config, inputs, environment, env);
    }

    /**
     * The test class path of the module whose pom is {@code pom}, its tests and main classes
     * compiled; null under {@code -n} when something would be built. A reactor's root
     * (packaging pom) has no tests of its own.
     *
     * @param temp where the resources' jar is written, for the test run
     */
    public TestClassPath tests(Path pom, boolean rebuild, boolean dryRun, boolean offline, Map<String, String> env,
            Path temp) throws BuildException, WrongJdkException, IOException {
        try (Resolvers resolvers = new Resolvers(offline)) {
            Loaded loaded = load(pom, resolvers, env);
            ActionRunner runner = new ActionRunner(cache, reporter, rebuild, dryRun);
            ModuleBuilds builds = builds(loaded, runner, resolvers, dryRun, offline);
            TestClassPath tests = new ModuleTests(builds, cache, runner, toolchain, cwd, reporter, offline, Clock.systemUTC())
                    .build(loaded.reactor().target(), temp);
            return tests == null ? null : tests.readFrom(loaded.inputs());
        }
    }

    /**
     * {@code ./...}: the poms of the reactor's modules at or below {@code dir}, in reactor
     * order, but those of packaging pom, which hold no code.
     */
    public List<Path> modulesBelow(Path pom, Path dir, boolean offline, Map<String, String> env)
            throws BuildException, IOException {
        try (Resolvers resolvers = new Resolvers(offline)) {
            Reactor reactor = load(pom, resolvers, env).reactor();
            List<Path> below = new ArrayList<>();
            reactor.poms().forEach((gav, file) -> {
                if (file.getParent().startsWith(dir) && !reactor.module(gav).build().packaging().equals("pom")) {
                    below.add(file);
                }
            });
            return below;
        }
    }

    private static String chooseMain(String wanted, MavenBuild build, Compile.Compiled compiled, List<Link.Module> modules,
            Classpaths classpaths, String where) throws BuildException, IOException {
        String from = wanted == null && build.mainClass() != null ? where + ": the main class" : "-main";
        String asked = wanted != null ? wanted : build.mainClass();
        String entry = asked == null ? null : asked.replace('.', '/') + ".class";
        if (entry != null && (compiled == null || !compiled.output().classes().containsKey(entry))
                && onClassPath(entry, modules, classpaths)) {
            return asked;
        }
        if (compiled == null) {
            throw new BuildException(asked == null
                    ? where + ": no sources, and no main class (choose one with -main Class or exec-maven-plugin's mainClass)"
                    : from + " " + asked + ": no such class in " + where + " or on its class path");
        }
        return MainClass.choose(asked, from, compiled.output(), where,
                "choose one with -main Class or exec-maven-plugin's mainClass");
    }

    private static boolean onClassPath(String entry, List<Link.Module> modules, Classpaths classpaths) throws IOException {
        for (Link.Module m : modules) {
            if (m.compiled() != null && m.compiled().output().classes().containsKey(entry)) {
                return true;
            }
        }
        for (Path jar : classpaths.runtime().files()) {
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile(), false)) {
                if (file.getEntry(entry) != null) {
                    return true;
                }
            } catch (IOException e) {
                // not a jar: it holds no class
            }
        }
        return false;
    }
}
