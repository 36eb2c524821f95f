package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.Sha256;
import dev.jiffy.cache.UnixNanos;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The resolve action: the dependency set of the {@code //DEPS} lines, cached under an ID of those
 * lines, the repositories and the user's settings.xml, so that a hit loads no resolver class. A
 * set that names a SNAPSHOT, a range or no version is re-resolved after an hour (the resolver's
 * own update policy then decides whether to ask the repository); offline, the cached set is
 * always used.
 */
final class Resolve implements Action<Resolution> {
    /** A resolution that names a SNAPSHOT or a range is re-checked after this long, as run files are. */
    static final Duration DYNAMIC_RESOLUTION = Duration.ofHours(1);

    private final List<Coordinate> deps;
    private final List<Repository> repos;
    private final boolean offline;
    private final BuildReporter reporter;
    private final Clock clock;
    private final ActionKey key;

    private Resolve(List<Coordinate> deps, List<Repository> repos, boolean offline, BuildReporter reporter, Clock clock,
            ActionKey key) {
        this.deps = deps;
        this.repos = repos;
        this.offline = offline;
        this.reporter = reporter;
        this.clock = clock;
        this.key = key;
    }

    static Resolve of(List<Coordinate> deps, List<Repository> repos, boolean offline, Toolchain toolchain,
            BuildReporter reporter, Clock clock) throws IOException {
        ActionKey key = toolchain.key("resolve");
        deps.forEach(d -> key.add("dependency " + d));
        repos.forEach(r -> key.add("repository " + r.id() + " " + r.url()));
        key.add(settingsLine());
        return new Resolve(deps, repos, offline, reporter, clock, key);
    }

    /** The user's settings.xml (mirrors, profiles) changes what any resolution gives. */
    static String settingsLine() throws IOException {
        Path settings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        return "settings " + (Files.isRegularFile(settings) ? Sha256.of(settings) : "none");
    }

    @Override
    public ActionKey key() {
        return key;
    }

    @Override
    public Reuse<Resolution> reuse(Cache cache, Lookup.Hit hit) {
        Resolution cached;
        try {
            cached = Resolution.decode(Files.readAllBytes(cache.outputFile(hit.outputId())));
        } catch (IOException e) {
            return Reuse.reject("content unreadable");
        }
        if (cached == null) {
            return Reuse.reject("content does not decode");
        }
        long age = UnixNanos.now(clock) - hit.timeNanos();
        if (!offline && deps.stream().anyMatch(Coordinate::isDynamic) && age >= DYNAMIC_RESOLUTION.toNanos()) {
            return Reuse.reject("it names a SNAPSHOT, a range or no version and is over an hour old");
        }
        return Reuse.use(cached);
    }

    @Override
    public String describe() {
        return "resolve " + String.join(" ", deps.stream().map(Coordinate::toString).toList());
    }

    @Override
    public Resolution run(Cache cache, ActionId id) throws BuildException, IOException {
        Resolution resolution;
        try (MavenResolver resolver = new MavenResolver(repos, offline, reporter.downloads())) {
            resolution = resolver.resolve(deps);
        } catch (DependencyException e) {
            throw new BuildException(e.getMessage());
        }
        cache.put(id, resolution.encode());
        return resolution;
    }

    /**
     * The set with its files in the local repository, as compile and link need them: a set that
     * came from the remote cache (or whose files were deleted) is resolved again, downloading.
     */
    Resolution withFiles(Cache cache, Resolution resolution) throws BuildException, IOException {
        if (resolution.filesPresent()) {
            return resolution;
        }
        reporter.step("download " + resolution.artifacts().size() + " dependencies");
        return run(cache, key.id());
    }
}
