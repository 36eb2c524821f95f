package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Sha256;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ResolvedArtifact;
import dev.jiffy.project.Reactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's tests as surefire has them: {@code src/test/java} compiled (a compile action)
 * against the module's classes, the modules on its test class path and the test-scope jars (a
 * resolve-tests action), with the test and main resources; and the JUnit Platform launcher of
 * the project's own platform version (a resolve action), Vintage where only JUnit 4 is there.
 */
final class ModuleTests {
    /** The versions used when the test class path has JUnit 4 and no JUnit Platform. */
    static final String VINTAGE = "5.14.1";
    static final String PLATFORM = "1.14.1";

    private final ModuleBuilds builds;
    private final Cache cache;
    private final ActionRunner runner;
    private final Toolchain toolchain;
    private final Path cwd;
    private final BuildReporter reporter;
    private final boolean offline;
    private final Clock clock;

    ModuleTests(ModuleBuilds builds, Cache cache, ActionRunner runner, Toolchain toolchain, Path cwd,
            BuildReporter reporter, boolean offline, Clock clock) {
        this.builds = builds;
        this.cache = cache;
        this.runner = runner;
        this.toolchain = toolchain;
        this.cwd = cwd;
        this.reporter = reporter;
        this.offline = offline;
        this.clock = clock;
    }

    /** The module's test class path; null under {@code -n} when something would be built. */
    TestClassPath build(Reactor.Module module, Path temp) throws BuildException, WrongJdkException, IOException {
        ModuleBuilds.Built main = builds.build(module);
        if (main == null) {
            return null;
        }
        String where = SourceSet.display(cwd, module.pom());
        ModuleFiles files = builds.testFiles(module);
        String ga = module.coordinates().substring(0, module.coordinates().lastIndexOf(':'));
        if (files.target() == null) {
            return new TestClassPath(ga, module.pom().getParent(), null, List.of(), List.of(), toolchain.jdk(),
                    toolchain.toolVersion(), module.build().tests(), module.build().sourceGenerators(), Map.of());
        }
        ResolveProject resolve = builds.resolve(module, true);
        Classpaths classpaths = runner.get(resolve);
        if (classpaths == null) {
            return null;
        }
        if (!classpaths.filesPresent()) {
            classpaths = runner.run(resolve);
        }
        List<Compile.Compiled> modules = new ArrayList<>();
        List<String> keyLines = new ArrayList<>();
        if (main.compiled() != null) {
            modules.add(main.compiled());
            keyLines.add("main " + main.compiled().id());
        }
        Map<String, Resource> resources = new LinkedHashMap<>(files.resources());
        main.files().resources().forEach(resources::putIfAbsent);
        for (String gav : classpaths.compileModules()) {
            ModuleBuilds.Built dependency = builds.build(builds.module(gav));
            if (dependency == null) {
                return null;
            }
            if (dependency.compiled() != null && !dependency.compiled().equals(main.compiled())) {
                modules.add(dependency.compiled());
                keyLines.add("module " + gav + " " + dependency.compiled().id());
            }
            dependency.files().resources().forEach(resources::putIfAbsent);
        }
        Compile compile = new Compile(files.target(), files.target().sources(), files.sourceHashes(),
                module.build().javacOptions(), new Compile.ClassPath(classpaths.compile(), modules, null), toolchain, cwd,
                reporter);
        Compile.Compiled compiled = runner.find(compile);
        if (compiled == null) {
            compiled = runner.run(compile);
            if (compiled == null) {
                return null;
            }
        } else if (!compiled.output().warnings().isEmpty()) {
            reporter.compilerOutput(Compiler.forDisplay(compiled.output().warnings(), files.target().root(), cwd));
        }
        Resolution launcher = launcher(classpaths.compile(), module);
        if (launcher == null) {
            return null;
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(cache.outputFile(compiled.id()));
        keyLines.add(0, "tests " + compiled.id());
        for (Compile.Compiled m : modules) {
            classpath.add(cache.outputFile(m.id()));
        }
        if (!resources.isEmpty()) {
            classpath.add(resourceDirectory(resources, temp, keyLines));
        }
        classpath.addAll(classpaths.compile().files());
        classpaths.compile().artifacts().forEach(a -> keyLines.add(a.keyLine()));
        classpath.addAll(launcher.files());
        launcher.artifacts().forEach(a -> keyLines.add("launcher " + a.keyLine()));
        return new TestClassPath(ga, module.pom().getParent(), cache.outputFile(compiled.id()), List.copyOf(classpath),
                List.copyOf(keyLines), toolchain.jdk(), toolchain.toolVersion(), module.build().tests(), module.build().sourceGenerators(), Map.of());
    }

    /**
     * The launcher of the platform the tests' engines are built on, unless the tests bring it;
     * JUnit 4 alone gets the Vintage engine. Empty without any JUnit: discovery then finds nothing.
     */
    private Resolution launcher(Resolution tests, Reactor.Module module) throws BuildException, IOException {
        String platform = version(tests, "org.junit.platform:junit-platform-engine:");
        List<Coordinate> wanted = new ArrayList<>();
        if (platform == null && version(tests, "junit:junit:") != null) {
            wanted.add(new Coordinate("org.junit.vintage", "junit-vintage-engine", VINTAGE, null, "jar"));
            platform = PLATFORM;
        }
        if (platform != null && version(tests, "org.junit.platform:junit-platform-launcher:") == null) {
            wanted.add(new Coordinate("org.junit.platform", "junit-platform-launcher", platform, null, "jar"));
        }
        if (wanted.isEmpty()) {
            return Resolution.EMPTY;
        }
        Resolve resolve = Resolve.of(wanted, module.build().repositories(), offline, toolchain, reporter, clock);
        Resolution found = runner.get(resolve);
        return found == null ? null : resolve.withFiles(cache, found);
    }

    private static String version(Resolution r, String prefix) {
        return r.artifacts().stream().map(ResolvedArtifact::coordinate).filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length()).split(":")[0]).findFirst().orElse(null);
    }

    /**
     * The resources, main and test, as one directory in {@code temp}, named in the key by their
     * hashes: a directory, as surefire's target/test-classes is, since tests look resources up as
     * files ({@code getResource(...).getPath()}).
     */
    private static Path resourceDirectory(Map<String, Resource> resources, Path temp, List<String> keyLines)
            throws IOException {
        Path dir = Files.createDirectories(temp.resolve("resources"));
        for (Map.Entry<String, Resource> r : resources.entrySet()) {
            byte[] content = r.getValue().content();
            Path file = dir.resolve(r.getKey()).normalize();
            if (!file.startsWith(dir)) {
                throw new IOException(r.getKey() + ": a resource name that leaves the class path");
            }
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            keyLines.add("resource " + r.getKey() + " " + Sha256.of(content));
        }
        return dir;
    }
}
