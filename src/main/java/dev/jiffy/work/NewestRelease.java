package dev.jiffy.work;

import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.MavenResolver;
import dev.jiffy.deps.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The newest release of a tool named without a version, asked of the repositories at most once
 * a day and remembered in the cache ({@code tools/<group>:<artifact>}: version and time), so that
 * {@code -offline} runs the last one found.
 */
public final class NewestRelease {
    static final Duration RECHECK = Duration.ofDays(1);

    private NewestRelease() {}

    /** @param cacheRoot where to remember it; null to ask every time */
    public static String of(Coordinate ga, List<Repository> repos, boolean offline, Path cacheRoot, Clock clock,
            BuildReporter reporter) throws BuildException, IOException {
        Path memo = cacheRoot == null ? null : cacheRoot.resolve("tools").resolve(ga.groupId() + ":" + ga.artifactId());
        String[] remembered = read(memo);
        long now = clock.instant().getEpochSecond();
        if (remembered != null && (offline || now - Long.parseLong(remembered[1]) < RECHECK.toSeconds())) {
            return remembered[0];
        }
        if (offline) {
            throw new BuildException(ga + ": no version given, and offline jiffy has never looked up its newest release");
        }
        reporter.step("look up the newest release of " + ga);
        String version;
        try (MavenResolver resolver = new MavenResolver(repos, false, reporter.downloads())) {
            version = resolver.newestRelease(ga);
        } catch (DependencyException e) {
            throw new BuildException(e.getMessage());
        }
        if (memo != null) {
            Files.createDirectories(memo.getParent());
            AtomicFiles.write(memo, (version + " " + now + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return version;
    }

    private static String[] read(Path memo) throws IOException {
        if (memo == null) {
            return null;
        }
        try {
            String[] f = Files.readString(memo, StandardCharsets.UTF_8).strip().split(" ");
            return f.length == 2 && !f[0].isEmpty() && dev.jiffy.cache.Decimal.parse(f[1], 18) >= 0 ? f : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
