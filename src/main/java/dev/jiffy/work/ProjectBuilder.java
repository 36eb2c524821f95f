package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.project.EffectiveModel;
import dev.jiffy.project.MavenBuild;
import dev.jiffy.project.ProjectException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A Maven project's program, as {@code mvn compile exec:java} would run it: the effective model
 * from Maven's model builder, the class paths (the resolve-project action), {@code src/main/java}
 * (or the build's sourceDirectory) compiled with the compile class path and javac's options from
 * maven-compiler-plugin, then linked with the runtime class path and the resources. Never
 * {@code src/test}. Every pom the model was made of is an input, so a run file pins it.
 */
public final class ProjectBuilder {
    private final Cache cache;
    private final Toolchain toolchain;
    private final Path cwd;
    private final BuildReporter reporter;
    private final SourceScanner scanner;

    public ProjectBuilder(Cache cache, Jdk jdk, String toolVersion, Path cwd, BuildReporter reporter, SourceScanner scanner) {
        this.cache = cache;
        this.toolchain = new Toolchain(toolVersion, jdk);
        this.cwd = cwd;
        this.reporter = reporter;
        this.scanner = scanner;
    }

    /** A resolver made on first use: a project whose parents are all on disk and that is cached loads none. */
    private final class Resolvers implements AutoCloseable {
        private final boolean offline;
        private MavenResolver models;
        private MavenResolver project;

        Resolvers(boolean offline) {
            this.offline = offline;
        }

        Path pom(String g, String a, String v) throws IOException {
            if (models == null) {
                models = new MavenResolver(List.of(), offline, reporter.downloads());
            }
            try {
                return models.pom(g, a, v);
            } catch (DependencyException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        MavenResolver project(List<Repository> repositories) {
            if (project == null) {
                project = new MavenResolver(repositories, offline, reporter.downloads());
            }
            return project;
        }

        @Override
        public void close() {
            if (models != null) {
                models.close();
            }
            if (project != null) {
                project.close();
            }
        }
    }

    /**
     * Builds the program of the project whose pom is {@code pom}, or finds it; null under
     * {@code -n} when something would be built.
     *
     * @param mainClass {@code -main}, or null for exec-maven-plugin's, the jar manifest's, or the one main
     */
    public BuildResult build(Path pom, String mainClass, boolean rebuild, boolean dryRun, boolean offline,
            Map<String, String> env) throws BuildException, IOException {
        try (Resolvers resolvers = new Resolvers(offline)) {
            EffectiveModel model;
            try {
                model = EffectiveModel.read(pom, resolvers::pom, System.getProperty("java.version"), env, new Properties());
            } catch (ProjectException e) {
                throw new BuildException(e.getMessage());
            }
            MavenBuild build = MavenBuild.of(model);
            String where = SourceSet.display(cwd, pom);
            if (build.packaging().equals("pom")) {
                throw new BuildException(where + ": packaging pom has no program of its own; run one of its modules");
            }
            Map<Path, String> inputs = new LinkedHashMap<>();
            for (Path file : model.pomFiles()) {
                inputs.put(file, scanner.scan(file, file.toString()).stamp());
            }
            Target target = sources(build, where, inputs);
            Map<String, String> sourceHashes = new LinkedHashMap<>();
            for (Path source : target.sources()) {
                SourceScanner.Scanned s = scanner.scan(source, SourceSet.display(cwd, source));
                sourceHashes.put(target.relative(source), s.sha256());
                inputs.put(source, s.stamp());
            }
            Map<String, Path> resources = new LinkedHashMap<>();
            Map<String, String> resourceHashes = new LinkedHashMap<>();
            resources(build, where, inputs, resources, resourceHashes);

            ActionRunner runner = new ActionRunner(cache, reporter, rebuild, dryRun);
            Classpaths classpaths = new Classpaths(Resolution.EMPTY, Resolution.EMPTY);
            ResolveProject resolve = new ResolveProject(build.dependencies(), build.managed(), build.repositories(),
                    () -> resolvers.project(build.repositories()), toolchain);
            if (build.dependencies().stream().anyMatch(d -> !d.scope().equals("test"))) {
                classpaths = runner.get(resolve);
                if (classpaths == null) {
                    return null;
                }
            }
            Function<Classpaths, Compile> compileWith = c -> new Compile(target, target.sources(), sourceHashes,
                    build.javacOptions(), c.compile(), toolchain, cwd, reporter);
            Compile compile = compileWith.apply(classpaths);
            Compile.Compiled compiled = runner.find(compile);
            if (compiled == null && !dryRun && !classpaths.filesPresent()) {
                // A resolution from the remote cache names another machine's jars: fetch them.
                classpaths = runner.run(resolve);
                compile = compileWith.apply(classpaths);
                compiled = runner.find(compile);
            }
            if (compiled == null) {
                compiled = runner.run(compile);
                if (compiled == null) {
                    return null;
                }
            } else if (!compiled.output().warnings().isEmpty()) {
                reporter.compilerOutput(Compiler.forDisplay(compiled.output().warnings(), target.root(), cwd));
            }
            String main = chooseMain(mainClass, build, compiled.output(), where);
            Compile.Compiled linkedClasses = compiled;
            Function<Classpaths, Link> linkWith = c -> new Link(new Link.Program(build.artifactId(), main,
                    null, List.of(), linkedClasses, resources, resourceHashes, sourceHashes, c.runtime()), toolchain, reporter);
            Link link = linkWith.apply(classpaths);
            Link.Linked linked = runner.find(link);
            boolean hit = linked != null;
            if (!hit) {
                if (!dryRun && !classpaths.runtime().filesPresent()) {
                    link = linkWith.apply(runner.run(resolve));
                }
                linked = runner.run(link);
                if (linked == null) {
                    return null;
                }
            }
            return new BuildResult(linked.executable(), linked.id(), main, toolchain.jdk(), List.of(), hit, inputs, Map.of());
        }
    }

    /** Every .java file below the source directory, as a directory target; its directories are inputs, so an added file shows. */
    private Target sources(MavenBuild build, String where, Map<Path, String> inputs) throws BuildException, IOException {
        Path dir = build.sourceDirectory();
        if (!Files.isDirectory(dir)) {
            throw new BuildException(where + ": no source directory " + SourceSet.display(cwd, dir));
        }
        Target found = Target.resolve(cwd, dir.toString());
        for (Path d : found.directories()) {
            inputs.put(d, scanner.stampDirectory(d));
        }
        return new Target(dir, dir, false, found.sources(), found.directories(), Target.programName(build.artifactId()));
    }

    /** The resources as the resources plugin copies them, without filtering, which is not done yet. */
    private void resources(MavenBuild build, String where, Map<Path, String> inputs, Map<String, Path> resources,
            Map<String, String> hashes) throws BuildException, IOException {
        for (MavenBuild.ResourceDirectory r : build.resources()) {
            if (!Files.isDirectory(r.directory())) {
                continue;
            }
            if (r.filtering()) {
                throw new BuildException(where + ": resource filtering (" + SourceSet.display(cwd, r.directory())
                        + ") is not supported yet");
            }
            List<PathMatcher> includes = r.includes().stream()
                    .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
            List<PathMatcher> excludes = r.excludes().stream()
                    .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
            String prefix = r.targetPath() == null || r.targetPath().isEmpty() ? "" : r.targetPath().replace('\\', '/') + "/";
            List<Path> all;
            try (Stream<Path> walk = Files.walk(r.directory())) {
                all = walk.sorted().toList();
            }
            for (Path p : all) {
                if (Files.isDirectory(p)) {
                    inputs.put(p, scanner.stampDirectory(p));
                    continue;
                }
                Path relative = r.directory().relativize(p);
                if ((includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(relative)))
                        && excludes.stream().noneMatch(m -> m.matches(relative))) {
                    SourceScanner.Scanned s = scanner.scan(p, p.toString());
                    String entry = prefix + relative.toString().replace('\\', '/');
                    resources.put(entry, p);
                    hashes.put(entry, s.sha256());
                    inputs.put(p, s.stamp());
                }
            }
        }
    }

    private static String chooseMain(String wanted, MavenBuild build, CompileOutput compiled, String where)
            throws BuildException {
        String from = wanted == null && build.mainClass() != null ? where + ": the main class" : "-main";
        return MainClass.choose(wanted != null ? wanted : build.mainClass(), from, compiled, where,
                "choose one with -main Class or exec-maven-plugin's mainClass");
    }
}
