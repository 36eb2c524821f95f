package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.Sha256;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.ProjectDependency;
import dev.jiffy.project.MavenBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The resolve action of a Maven project or module: its compile and runtime class paths, keyed by
 * the effective dependency list (as the pom declares each one, versions managed), the managed
 * dependencies, the repositories and the user's settings.xml, so that a hit resolves nothing. A
 * dependency on a module of the reactor is resolved through that module's pom, so the same lines
 * of every module it reaches are part of the key too.
 */
final class ResolveProject implements Action<Classpaths> {
    private final MavenBuild module;
    private final boolean tests;
    private final String where;
    private final Map<String, Path> reactor;
    private final Supplier<MavenResolver> resolver;
    private final ActionKey key;

    /**
     * @param where    the module's pom, as messages name it
     * @param reactor  every module's pom by {@code groupId:artifactId:version}
     * @param reached  the modules of the reactor that {@code module} depends on, directly or not
     */
    ResolveProject(MavenBuild module, String where, Map<String, Path> reactor, List<MavenBuild> reached,
            Supplier<MavenResolver> resolver, Toolchain toolchain) throws IOException {
        this(module, false, where, reactor, reached, resolver, toolchain);
    }

    /** @param tests whether this is the module's test class path, test scope included */
    ResolveProject(MavenBuild module, boolean tests, String where, Map<String, Path> reactor, List<MavenBuild> reached,
            Supplier<MavenResolver> resolver, Toolchain toolchain) throws IOException {
        this.module = module;
        this.tests = tests;
        this.where = where;
        this.reactor = reactor;
        this.resolver = resolver;
        ActionKey k = toolchain.key(tests ? "resolve-tests" : "resolve-project");
        add(k, "", module);
        for (MavenBuild m : reached) {
            k.add("reactor " + m.coordinates());
            add(k, "reactor ", m);
        }
        k.add(Resolve.settingsLine());
        this.key = k;
    }

    private static void add(ActionKey k, String prefix, MavenBuild m) throws IOException {
        m.dependencies().forEach(d -> k.add(prefix + "dependency " + line(d)));
        m.managed().forEach(d -> k.add(prefix + "managed " + line(d)));
        m.repositories().forEach(r -> k.add(prefix + "repository " + r.id() + " " + r.url()));
        for (ProjectDependency d : m.dependencies()) {
            if (d.systemPath() != null && Files.isRegularFile(d.systemPath())) {
                k.add(prefix + "system " + d.systemPath() + " " + Sha256.of(d.systemPath()));
            }
        }
    }

    private static String line(ProjectDependency d) {
        return d.coordinate() + " " + d.scope() + (d.optional() ? " optional" : "")
                + (d.exclusions().isEmpty() ? "" : " excluding " + String.join(",", d.exclusions()))
                + (d.systemPath() == null ? "" : " at " + d.systemPath());
    }

    @Override
    public ActionKey key() {
        return key;
    }

    @Override
    public Reuse<Classpaths> reuse(Cache cache, Lookup.Hit hit) {
        try {
            Classpaths c = Classpaths.decode(Files.readAllBytes(cache.outputFile(hit.outputId())));
            return c == null ? Reuse.reject("content does not decode") : Reuse.use(c);
        } catch (IOException e) {
            return Reuse.reject("content unreadable");
        }
    }

    @Override
    public String describe() {
        return "resolve " + module.dependencies().size() + " dependencies of " + module.coordinates() + (tests ? " for its tests" : "");
    }

    @Override
    public Classpaths run(Cache cache, ActionId id) throws BuildException, IOException {
        Classpaths classpaths;
        try {
            classpaths = tests ? resolver.get().resolveTestClasspath(module.dependencies(), module.managed(), reactor)
                    : resolver.get().resolveClasspaths(module.dependencies(), module.managed(), reactor);
        } catch (DependencyException e) {
            throw new BuildException(where + ": " + e.getMessage());
        }
        cache.put(id, classpaths.encode());
        return classpaths;
    }
}
