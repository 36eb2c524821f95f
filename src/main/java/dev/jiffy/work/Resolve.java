package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.cache.UnixNanos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.jiffy.cache.Sha256;
import java.time.Clock;
import java.util.List;

/**
 * The resolve action: the dependency set of the {@code //DEPS} lines, cached under an ID of those
 * lines and the repositories, so that a hit loads no resolver class. A set that names a
 * SNAPSHOT, a range or no version is re-resolved after an hour (the resolver's own update
 * policy then decides whether to ask the repository); offline, the cached set is always used.
 */
final class Resolve {
    private final Cache cache;
    private final String toolVersion;
    private final Jdk jdk;
    private final BuildReporter reporter;
    private final Clock clock;

    Resolve(Cache cache, String toolVersion, Jdk jdk, BuildReporter reporter, Clock clock) {
        this.cache = cache;
        this.toolVersion = toolVersion;
        this.jdk = jdk;
        this.reporter = reporter;
        this.clock = clock;
    }

    /** The resolved set; empty without dependencies; null under {@code -n} when it would resolve. */
    Resolution dependencies(List<Coordinate> deps, List<Repository> repos, boolean offline, boolean rebuild, boolean dryRun)
            throws BuildException, IOException {
        if (deps.isEmpty()) {
            return Resolution.EMPTY;
        }
        ActionKey key = key(deps, repos);
        reporter.hashLines("resolve", key.lines());
        ActionId id = key.id();
        boolean dynamic = deps.stream().anyMatch(Coordinate::isDynamic);
        if (!rebuild && cache.get(id) instanceof Lookup.Hit hit) {
            long age = UnixNanos.now(clock) - hit.timeNanos();
            Resolution cached = read(hit);
            if (cached != null && (offline || !dynamic || age < Builder.DYNAMIC_RESOLUTION_NANOS)) {
                return cached;
            }
        }
        reporter.step("resolve " + String.join(" ", deps.stream().map(Coordinate::toString).toList()));
        if (dryRun) {
            return null;
        }
        return resolveAndStore(id, deps, repos, offline);
    }

    /**
     * The set with its files in the local repository, as compile and link need them: a set that
     * came from the remote cache (or whose files were deleted) is resolved again, downloading.
     */
    Resolution withFiles(Resolution resolution, List<Coordinate> deps, List<Repository> repos, boolean offline)
            throws BuildException, IOException {
        if (resolution.filesPresent()) {
            return resolution;
        }
        reporter.step("download " + resolution.artifacts().size() + " dependencies");
        return resolveAndStore(key(deps, repos).id(), deps, repos, offline);
    }

    private Resolution resolveAndStore(ActionId id, List<Coordinate> deps, List<Repository> repos, boolean offline)
            throws BuildException, IOException {
        Resolution resolution;
        try (MavenResolver resolver = new MavenResolver(repos, offline, reporter.downloads())) {
            resolution = resolver.resolve(deps);
        } catch (DependencyException e) {
            throw new BuildException(e.getMessage());
        }
        cache.put(id, resolution.encode());
        return resolution;
    }

    /** The directive lines, the repositories, and the user's settings.xml (mirrors, profiles). */
    private ActionKey key(List<Coordinate> deps, List<Repository> repos) throws IOException {
        ActionKey key = new ActionKey("resolve", toolVersion, jdk);
        deps.forEach(d -> key.add("dependency " + d));
        repos.forEach(r -> key.add("repository " + r.id() + " " + r.url()));
        Path settings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        key.add("settings " + (Files.isRegularFile(settings) ? Sha256.of(settings) : "none"));
        return key;
    }

    private Resolution read(Lookup.Hit hit) {
        try {
            return Resolution.decode(Files.readAllBytes(cache.outputFile(hit.outputId())));
        } catch (IOException e) {
            return null;
        }
    }
}
