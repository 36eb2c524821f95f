package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.DirectiveException;
import dev.jiffy.deps.Directives;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ScriptDirectives;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action graph of one program, as in Go's {@code cmd/go/internal/work}: resolve (the
 * dependencies of {@code //DEPS}), compile (all sources in one javac task), link (the
 * executable). Each action's output is cached under its action ID; on a hit nothing is
 * resolved, compiled or linked.
 */
public final class Builder {
    private final Cache cache;
    private final Toolchain toolchain;
    private final Path cwd;
    private final BuildReporter reporter;
    private final SourceScanner scanner;
    private final Clock clock;

    /** @param compiles the compiles this JVM remembers, which an edit's compile builds on */
    public Builder(Cache cache, Jdk jdk, String toolVersion, Path cwd, BuildReporter reporter, SourceScanner scanner,
            Clock clock, WarmCompiles compiles) {
        this.cache = cache;
        this.toolchain = new Toolchain(toolVersion, jdk, compiles);
        this.cwd = cwd;
        this.reporter = reporter;
        this.scanner = scanner;
        this.clock = clock;
    }

    /** A program's sources read and its dependencies resolved: what its compile action needs. */
    private record Prepared(Target target, ScriptDirectives directives, ActionRunner runner, Dependencies deps,
            Resolution local, Map<Path, String> inputs, Map<String, Resource> resources, Map<String, String> resourceHashes,
            Map<String, String> sourceHashes, SourceSet set, List<String> javacOptions) {
        Compile compile(Toolchain toolchain, Path cwd, BuildReporter reporter) {
            return new Compile(target, set.sources(), sourceHashes, javacOptions, Compile.ClassPath.of(jars()),
                    toolchain, cwd, reporter);
        }

        /** The resolved jars, then {@code --cp}'s. */
        Resolution jars() {
            return deps.resolution.plus(local);
        }
    }

    /** Reads the sources and directives and resolves the dependencies; null under {@code -n} when it would resolve. */
    private Prepared prepare(BuildRequest request) throws BuildException, WrongJdkException, IOException {
        Target target = request.target();
        SourceSet set = SourceSet.scan(target, scanner, cwd);
        ScriptDirectives directives;
        List<Directives.Directive> all = new java.util.ArrayList<>(set.directives());
        all.addAll(request.flagDirectives());
        try {
            directives = ScriptDirectives.of(all, request.env(), request.properties());
        } catch (DirectiveException e) {
            throw new BuildException(e.getMessage());
        }
        checkJava(directives, all);
        ActionRunner runner = new ActionRunner(cache, reporter, request.rebuild(), request.dryRun());
        Dependencies deps = dependencies(directives.dependencies(), directives.repositories(), request.offline());
        try {
            if (!deps.resolve(runner)) {
                return null;
            }
        } catch (BuildException e) {
            throw new BuildException(blame(e.getMessage(), all));
        }

        Map<Path, String> inputs = new LinkedHashMap<>();
        set.scanned().forEach((p, s) -> inputs.put(p, s.stamp()));
        set.globDirectories().forEach(inputs::put);
        Resolution local = LocalClassPath.of(directives.classPath(), cwd, scanner, inputs);
        Map<String, String> resourceHashes = new LinkedHashMap<>();
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (Map.Entry<String, Path> r : set.resources().entrySet()) {
            resources.put(r.getKey(), Resource.of(r.getValue()));
            SourceScanner.Scanned s = scanner.scan(r.getValue(), r.getValue().toString());
            resourceHashes.put(r.getKey(), s.sha256());
            inputs.put(r.getValue(), s.stamp());
        }
        Map<String, String> sourceHashes = new LinkedHashMap<>();
        set.sources().forEach(s -> sourceHashes.put(target.relative(s), set.scanned().get(s).sha256()));

        // A script runs no annotation processor unless its //JAVAC_OPTIONS say otherwise (a later -proc wins).
        List<String> javacOptions = new java.util.ArrayList<>(List.of("-proc:none"));
        javacOptions.addAll(directives.javacOptions());
        return new Prepared(target, directives, runner, deps, local, inputs, resources, resourceHashes, sourceHashes, set,
                List.copyOf(javacOptions));
    }

    /**
     * Compiles the program, or finds its classes; null under {@code -n} when it would compile. A
     * lookup is made again when fetching the jars moved the dependency set (a SNAPSHOT deployed
     * meanwhile), which changes the compile's ID; the next pass has the jars, so it is the last.
     */
    private Compile.Compiled compile(Prepared p, boolean dryRun) throws BuildException, IOException {
        while (true) {
            Compile compile = p.compile(toolchain, cwd, reporter);
            Compile.Compiled compiled = p.runner().find(compile);
            if (compiled != null) {
                if (!compiled.output().warnings().isEmpty()) {
                    reporter.compilerOutput(Compiler.forDisplay(compiled.output().warnings(), p.target().root(), cwd));
                }
                return compiled;
            }
            if (dryRun || !p.deps().fetchMoved()) {
                return p.runner().run(compile);
            }
        }
    }

    /** Builds the program, or finds it; returns null under {@code -n} when something would be built. */
    public BuildResult build(BuildRequest request) throws BuildException, WrongJdkException, IOException {
        Prepared p = prepare(request);
        if (p == null) {
            return null;
        }
        Target target = p.target();
        ScriptDirectives directives = p.directives();
        ActionRunner runner = p.runner();
        Dependencies deps = p.deps();
        // A pass ends early only when fetching the jars moved the dependency set, as in compile.
        while (true) {
            Compile.Compiled compiled = compile(p, request.dryRun());
            if (compiled == null) {
                return null;
            }

            String main = chooseMain(request, target, compiled.output(), directives);
            Link link = new Link(new Link.Program(target.programName(), null, main, null, directives.javaOptions(), compiled,
                    List.of(), p.resources(), p.resourceHashes(), p.sourceHashes(), p.jars()), toolchain, reporter);
            Link.Linked linked = runner.find(link);
            boolean hit = linked != null;
            if (!hit) {
                if (!request.dryRun() && deps.fetchMoved()) {
                    continue;
                }
                linked = runner.run(link);
                if (linked == null) {
                    return null;
                }
            }
            return new BuildResult(linked.executable(), linked.id(), main, toolchain.jdk(), directives.javaOptions(), hit,
                    p.inputs(), directives.environment());
        }
    }

    /**
     * The tests of a script or a source directory: its classes compiled as for {@code run} (the
     * same compile action), with its {@code //DEPS}, {@code //FILES} as resources and the JUnit
     * Platform launcher; every class is looked into for tests, and they run in the target's
     * directory. Null under {@code -n} when something would be built.
     *
     * @param temp where the resources' directory is written, for the test run
     */
    public TestClassPath tests(BuildRequest request, Path temp) throws BuildException, WrongJdkException, IOException {
        Prepared p = prepare(request);
        if (p == null) {
            return null;
        }
        Compile.Compiled compiled = compile(p, request.dryRun());
        if (compiled == null) {
            return null;
        }
        Dependencies deps = p.deps();
        if (!request.dryRun()) {
            deps.fetchMoved(); // the jars, on disk for the test JVM; a set that moved is this run's
        }
        String where = p.target().path().equals(cwd) ? "." : SourceSet.display(cwd, p.target().path());
        Resolution launcher = TestRuntime.launcher(p.jars(), p.directives().repositories(), where, p.runner(), cache,
                request.offline(), toolchain, reporter, clock);
        if (launcher == null) {
            return null;
        }
        List<String> keyLines = new java.util.ArrayList<>(List.of("tests " + compiled.id()));
        List<Path> classpath = new java.util.ArrayList<>(List.of(cache.outputFile(compiled.id())));
        if (!p.resources().isEmpty()) {
            classpath.add(TestRuntime.resourceDirectory(p.resources(), temp, keyLines));
        }
        classpath.addAll(p.jars().files());
        p.jars().artifacts().forEach(a -> keyLines.add(a.keyLine()));
        classpath.addAll(launcher.files());
        launcher.artifacts().forEach(a -> keyLines.add("launcher " + a.keyLine()));
        dev.jiffy.project.MavenBuild.Tests every = new dev.jiffy.project.MavenBuild.Tests(null, List.of(),
                p.directives().javaOptions(), Map.of(), List.of(TestRuntime.EVERY_CLASS), List.of());
        return new TestClassPath(where, p.target().root(), cache.outputFile(compiled.id()), List.copyOf(classpath),
                List.copyOf(keyLines), toolchain.jdk(), toolchain.toolVersion(), every, List.of(), p.inputs(),
                p.target().singleFile() ? null : p.target().root());
    }

    /**
     * A resolver's error with the {@code //DEPS} line (or {@code --deps} flag) in front that asked
     * for the first artifact it names, so that the user sees which line to fix.
     */
    private static String blame(String message, List<Directives.Directive> all) {
        for (Directives.Directive d : all) {
            if (!d.keyword().equals("DEPS")) {
                continue;
            }
            for (String word : dev.jiffy.deps.Words.splitList(d.value())) {
                Coordinate c;
                try {
                    c = Coordinate.parse(word, false);
                } catch (IllegalArgumentException e) {
                    continue; // a source, or a ${...} the message cannot name
                }
                if (message.contains(c.groupId() + ":" + c.artifactId() + ":")) {
                    return (d.line() == 0 ? d.file() : d.file() + ":" + d.line() + ": //DEPS") + " " + word + ": " + message;
                }
            }
        }
        return message;
    }

    private Dependencies dependencies(List<Coordinate> coordinates, List<Repository> repos, boolean offline) throws IOException {
        return new Dependencies(coordinates.isEmpty() ? null
                : Resolve.of(coordinates, repos, offline, toolchain, reporter, clock));
    }

    /** A program's dependency set, as resolved, and then with its jars on disk. */
    private final class Dependencies {
        private final Resolve resolve;
        private boolean fetched;
        Resolution resolution = Resolution.EMPTY;

        private Dependencies(Resolve resolve) {
            this.resolve = resolve;
        }

        /** Finds or resolves the set; false under {@code -n} when it would resolve. */
        boolean resolve(ActionRunner runner) throws BuildException, IOException {
            if (resolve != null) {
                resolution = runner.get(resolve);
            }
            return resolution != null;
        }

        /**
         * Fetches the jars of a set that lacks them (one from the remote cache), once; true if
         * the set moved, so that the actions keyed by it are looked up again.
         */
        boolean fetchMoved() throws BuildException, IOException {
            if (resolve == null || fetched) {
                return false;
            }
            fetched = true;
            Resolution withFiles = resolve.withFiles(cache, resolution);
            boolean moved = !withFiles.sameArtifacts(resolution);
            resolution = withFiles;
            return moved;
        }
    }

    /** {@code //JAVA 21} wants exactly that feature release, {@code //JAVA 17+} at least it. */
    private void checkJava(ScriptDirectives directives, List<Directives.Directive> all) throws WrongJdkException {
        String wanted = directives.javaVersion();
        if (wanted == null) {
            return;
        }
        boolean atLeast = wanted.endsWith("+");
        int version = Integer.parseInt(atLeast ? wanted.substring(0, wanted.length() - 1) : wanted);
        int feature = toolchain.jdk().feature();
        if (atLeast ? feature < version : feature != version) {
            var d = all.stream().filter(x -> x.keyword().equals("JAVA")).reduce((a, b) -> b).orElseThrow();
            throw WrongJdkException.directive(wanted, d.line() == 0 ? d.file() + " " + d.value() : d.file() + ":" + d.line());
        }
    }

    private String chooseMain(BuildRequest request, Target target, CompileOutput compiled, ScriptDirectives directives)
            throws BuildException {
        String wanted = request.mainClass();
        String from = "-main";
        if (wanted == null && directives.main() != null) {
            wanted = directives.main().value().strip();
            from = directives.main().file() + ":" + directives.main().line() + ": //MAIN";
        }
        return MainClass.choose(wanted, from, compiled, SourceSet.display(cwd, target.path()),
                "choose one with -main Class or //MAIN");
    }
}
