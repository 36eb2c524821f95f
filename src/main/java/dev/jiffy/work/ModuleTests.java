package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.Resolution;
import dev.jiffy.project.Reactor;
import java.io.IOException;
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
                    toolchain.toolVersion(), module.build().tests(), module.build().sourceGenerators(), Map.of(),
                module.pom().getParent());
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
        Resolution launcher = TestRuntime.launcher(classpaths.compile(), module.build().repositories(),
                SourceSet.display(cwd, module.pom()), runner, cache, offline, toolchain, reporter, clock);
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
            classpath.add(TestRuntime.resourceDirectory(resources, temp, keyLines));
        }
        classpath.addAll(classpaths.compile().files());
        classpaths.compile().artifacts().forEach(a -> keyLines.add(a.keyLine()));
        classpath.addAll(launcher.files());
        launcher.artifacts().forEach(a -> keyLines.add("launcher " + a.keyLine()));
        return new TestClassPath(ga, module.pom().getParent(), cache.outputFile(compiled.id()), List.copyOf(classpath),
                List.copyOf(keyLines), toolchain.jdk(), toolchain.toolVersion(), module.build().tests(),
                module.build().sourceGenerators(), Map.of(),
                module.pom().getParent());
    }

}
