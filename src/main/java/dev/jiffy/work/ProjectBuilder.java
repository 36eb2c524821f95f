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
            Compile compile = new Compile(target, target.sources(), sourceHashes, build.javacOptions(), classpaths.compile(),
                    toolchain, cwd, reporter);
            Compile.Compiled compiled = runner.find(compile);
            if (compiled == null && !dryRun && !classpaths.filesPresent()) {
                // A resolution from the remote cache names another machine's jars: fetch them.
                classpaths = runner.run(resolve);
                compile = new Compile(target, target.sources(), sourceHashes, build.javacOptions(), classpaths.compile(),
                        toolchain, cwd, reporter);
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
            Link link = new Link(new Link.Program(build.artifactId(), main, null, List.of(), compiled, resources,
                    resourceHashes, sourceHashes, classpaths.runtime()), toolchain, reporter);
            Link.Linked linked = runner.find(link);
            boolean hit = linked != null;
            if (!hit) {
                if (!dryRun && !classpaths.runtime().filesPresent()) {
                    classpaths = runner.run(resolve);
                    link = new Link(new Link.Program(build.artifactId(), main, null, List.of(), compiled, resources,
                            resourceHashes, sourceHashes, classpaths.runtime()), toolchain, reporter);
                }
                linked = runner.run(link);
                if (linked == null) {
                    return null;
                }
            }
            return new BuildResult(linked.executable(), linked.id(), main, toolchain.jdk(), List.of(), hit, inputs, Map.of());
        }
    }

    /** Every .java file below the source directory; the directories are inputs, so an added file is seen. */
    private Target sources(MavenBuild build, String where, Map<Path, String> inputs) throws BuildException, IOException {
        Path dir = build.sourceDirectory();
        if (!Files.isDirectory(dir)) {
            throw new BuildException(where + ": no source directory " + SourceSet.display(cwd, dir));
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted().toList();
        }
        for (Path d : all.stream().filter(Files::isDirectory).toList()) {
            inputs.put(d, scanner.stampDirectory(d));
        }
        List<Path> sources = all.stream().filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).toList();
        if (sources.isEmpty()) {
            throw new BuildException(where + ": no .java files in " + SourceSet.display(cwd, dir));
        }
        return new Target(dir, dir, false, sources, List.of(), Target.programName(build.artifactId()));
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
        String from = "-main";
        if (wanted == null && build.mainClass() != null) {
            wanted = build.mainClass();
            from = where + ": the main class";
        }
        if (wanted != null) {
            if (!compiled.classes().containsKey(wanted.replace('.', '/') + ".class")) {
                throw new BuildException(from + " " + wanted + ": no such class in the project's sources");
            }
            return wanted;
        }
        List<String> mains = compiled.mainClasses();
        if (mains.size() == 1) {
            return mains.get(0);
        }
        throw new BuildException(where + (mains.isEmpty() ? ": no class with a main method" : ": several classes with a main"
                + " method: " + String.join(", ", mains)) + " (choose one with -main Class or exec-maven-plugin's mainClass)");
    }
}
