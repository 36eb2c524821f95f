package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.Sha256;
import dev.jiffy.deps.Classpaths;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.ProjectDependency;
import dev.jiffy.deps.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The resolve action of a Maven project: its compile and runtime class paths, keyed by the
 * effective dependency list (as the pom declares each one, versions managed), the managed
 * dependencies, the repositories and the user's settings.xml, so that a hit resolves nothing.
 */
final class ResolveProject implements Action<Classpaths> {
    private final List<ProjectDependency> dependencies;
    private final List<ProjectDependency> managed;
    private final Supplier<MavenResolver> resolver;
    private final ActionKey key;

    ResolveProject(List<ProjectDependency> dependencies, List<ProjectDependency> managed, List<Repository> repositories,
            Supplier<MavenResolver> resolver, Toolchain toolchain) throws IOException {
        this.dependencies = dependencies;
        this.managed = managed;
        this.resolver = resolver;
        ActionKey k = toolchain.key("resolve-project");
        dependencies.forEach(d -> k.add("dependency " + line(d)));
        managed.forEach(d -> k.add("managed " + line(d)));
        repositories.forEach(r -> k.add("repository " + r.id() + " " + r.url()));
        k.add(Resolve.settingsLine());
        for (ProjectDependency d : dependencies) {
            if (d.systemPath() != null && Files.isRegularFile(d.systemPath())) {
                k.add("system " + d.systemPath() + " " + Sha256.of(d.systemPath()));
            }
        }
        this.key = k;
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
        return "resolve " + dependencies.size() + " dependencies of the project";
    }

    @Override
    public Classpaths run(Cache cache, ActionId id) throws BuildException, IOException {
        Classpaths classpaths;
        try {
            classpaths = resolver.get().resolveClasspaths(dependencies, managed);
        } catch (DependencyException e) {
            throw new BuildException(e.getMessage());
        }
        cache.put(id, classpaths.encode());
        return classpaths;
    }
}
